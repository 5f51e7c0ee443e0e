/// Seeded mutations of valid input files, for the fuzz tests of the readers: each case is
/// a valid file with one to three edits of the kinds that broke readers before (deleted or
/// repeated spans, stray brackets and anchors, hostile numbers, truncation).
public struct TextMutator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    /// Tokens spliced into files: structure, YAML anchors and documents, hostile numbers.
    static let tokens = [
        "[", "]", "{", "}", ",", ":", "\"", "'", "\n", "- ", "&a ", "*a", "---\n", "#", "\\u0000", "\u{0}", "null", "true",
        "-1", "0", "1e20", "1e400", "-1e400", "inf", "NaN", "0x10", "99999999999999999999", "0.5", "1.0e-300", "\"\"", "[[[[[[[[",
    ]

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }

    /// `text` with one to three random edits.
    public mutating func mutate(_ text: String) -> String {
        var chars = Array(text)
        for _ in 0...next(3) {
            let at = next(chars.count + 1)
            switch next(6) {
            case 0:  // delete a span
                let end = min(chars.count, at + 1 + next(8))
                if at < end { chars.removeSubrange(at..<end) }
            case 1:  // repeat a span
                let end = min(chars.count, at + 1 + next(40))
                if at < end { chars.insert(contentsOf: chars[at..<end], at: at) }
            case 2, 3:  // splice a token
                chars.insert(contentsOf: Self.tokens[next(Self.tokens.count)], at: at)
            case 4:  // replace a digit run with a hostile number
                if let start = chars.indices.dropFirst(at).first(where: { chars[$0].isNumber }) {
                    var end = start
                    while end < chars.count, chars[end].isNumber || chars[end] == "." { end += 1 }
                    chars.replaceSubrange(start..<end, with: Self.tokens[17 + next(Self.tokens.count - 17)])
                }
            default:  // truncate
                chars.removeSubrange(at..<chars.count)
            }
        }
        return String(chars)
    }
}
