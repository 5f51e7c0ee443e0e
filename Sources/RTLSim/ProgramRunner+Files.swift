extension ProgramRunner {
    /// The "name value name value ..." line a program testbench writes as its result.
    static func fields(_ text: String?) -> [String: Int] {
        let words = (text ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var fields: [String: Int] = [:]
        for i in stride(from: 0, to: words.count - 1, by: 2) { fields[words[i]] = Int(words[i + 1]) }
        return fields
    }

    /// Main memory from a `$writememh` dump (one byte a line; address comments skipped).
    static func bytes(_ text: String) -> [UInt8] {
        text.split(separator: "\n").filter { !$0.hasPrefix("//") && !$0.isEmpty }.map { UInt8($0, radix: 16) ?? 0 }
    }
}
