import Foundation

extension ProgramRunner {
    /// Runs program `k` on the testbench built in `directory` (either testbench: they share
    /// the plusargs and the files): writes its memory image, simulates, and reads back the
    /// result fields and main memory. `testbench` names it in the error when it wrote no result.
    static func simulate(_ r: Run, index k: Int, directory dir: String, testbench: String) throws -> (
        fields: [String: Int], outcome: Outcome
    ) {
        let hex = r.memory.map { String(format: "%02x", $0) }.joined(separator: "\n") + "\n"
        try hex.write(toFile: "\(dir)/memory\(k).hex", atomically: true, encoding: .utf8)
        try VerilatorBench.simulate(
            directory: dir,
            arguments: [
                "+prog_addr=\(r.programAddress)", "+prog_len=\(r.programLength)", "+memory=memory\(k).hex", "+out=memory\(k)_out.hex",
                "+result=result\(k).txt",
            ])
        let fields = Self.fields(try? String(contentsOfFile: "\(dir)/result\(k).txt", encoding: .utf8))
        guard let done = fields["done"], let cycles = fields["cycles"] else {
            throw RTLSimError.runFailed(simulator: "verilator", log: "the \(testbench) testbench wrote no result")
        }
        let bytes = Self.bytes(try String(contentsOfFile: "\(dir)/memory\(k)_out.hex", encoding: .utf8))
        let outcome = Outcome(
            done: done == 1, errorCode: fields["code"] ?? 0, cycles: cycles,
            busy: Dictionary(uniqueKeysWithValues: Self.classes.map { ($0, fields[$0] ?? 0) }), memory: Array(bytes.prefix(r.memory.count)))
        return (fields, outcome)
    }

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
