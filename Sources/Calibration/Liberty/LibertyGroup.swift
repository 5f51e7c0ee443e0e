/// One group of a Liberty file (`type (args) { ... }`) with its simple attributes
/// (`name : value ;`), complex attributes (`name (a, b) ;`) and nested groups, as written.
///
/// The parser is generic on purpose: the calibration reads only a handful of attributes, and
/// a tree keeps it independent of the order and the vendor extensions of a particular file.
package struct LibertyGroup: Sendable {
    package var type: String
    package var arguments: [String]
    package var attributes: [String: String] = [:]
    /// Every occurrence of each complex attribute, in file order (`fanout_length` repeats).
    package var complexAttributes: [String: [[String]]] = [:]
    package var groups: [LibertyGroup] = []

    /// The nested groups of `type`.
    package func groups(_ type: String) -> [LibertyGroup] { groups.filter { $0.type == type } }

    /// A simple attribute as a number.
    package func number(_ name: String) -> Double? { attributes[name].flatMap(Double.init) }

    /// A complex attribute holding one quoted, comma-separated list of numbers (`index_1`, `values`).
    package func numbers(_ name: String) -> [[Double]]? {
        complexAttributes[name]?.first.map { rows in
            rows.map { row in row.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
        }
    }

    /// Parses the text of a Liberty file; `nil` when it is not one.
    package static func parse(_ text: String) -> LibertyGroup? {
        try? parse(text, source: "")
    }

    /// Deeper than any liberty nests (library, cell, pin, internal_power, rise_power: five);
    /// the bound keeps a file of nothing but `a () {` from exhausting the stack.
    package static let maximumDepth = 64

    /// Parses the text of a Liberty file, or says where it stops being one.
    package static func parse(_ text: String, source: String) throws(CalibrationError) -> LibertyGroup {
        var parser = Parser(bytes: Array(text.utf8))
        if let group = parser.group() { return group }
        throw .notLiberty(path: source, line: parser.line, problem: parser.problem)
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0
        var depth = 0
        /// Why parsing stopped, for the error.
        var problem = "expected a group such as 'library (name) {'"

        /// A word as the error shows it: its first line, at most 40 characters, so that the
        /// error stays one line even when the word is a quoted string spanning lines.
        static func shown(_ word: String) -> String {
            let line = word.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? word
            return line.count > 40 || line.count < word.count ? line.prefix(40) + "..." : line
        }

        /// The line of the current position, counted from 1.
        var line: Int { 1 + bytes[..<min(i, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

        init(bytes: [UInt8]) { self.bytes = bytes }

        enum Token: Equatable {
            case word(String)
            case punctuation(UInt8)
            case end
        }

        static let punctuation: Set<UInt8> = Set("{}():;,".utf8)

        mutating func skipSpace() {
            while i < bytes.count {
                let c = bytes[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x5C {  // blanks and line continuations
                    i += 1
                } else if c == 0x2F, i + 1 < bytes.count, bytes[i + 1] == 0x2A {  // /* comment */
                    i += 2
                    while i + 1 < bytes.count, !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { i += 1 }
                    i += 2
                } else {
                    return
                }
            }
        }

        mutating func next() -> Token {
            skipSpace()
            guard i < bytes.count else { return .end }
            let c = bytes[i]
            if Self.punctuation.contains(c) {
                i += 1
                return .punctuation(c)
            }
            if c == 0x22 {  // "quoted", possibly spanning continued lines
                i += 1
                let start = i
                while i < bytes.count, bytes[i] != 0x22 { i += 1 }
                let text = String(decoding: bytes[start..<min(i, bytes.count)], as: UTF8.self)
                i += 1
                return .word(text)
            }
            let start = i
            while i < bytes.count {
                let d = bytes[i]
                if d == 0x20 || d == 0x09 || d == 0x0A || d == 0x0D || Self.punctuation.contains(d) || d == 0x22 { break }
                i += 1
            }
            return .word(String(decoding: bytes[start..<i], as: UTF8.self))
        }

        func peekIsNewlineBefore() -> Bool {
            var j = i
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            return j < bytes.count && (bytes[j] == 0x0A || bytes[j] == 0x0D)
        }

        /// `type (args) { statements }` at the current position.
        mutating func group() -> LibertyGroup? {
            guard case .word(let type) = next(), next() == .punctuation(UInt8(ascii: "(")) else { return nil }
            let args = arguments()
            guard next() == .punctuation(UInt8(ascii: "{")) else { return nil }
            return body(LibertyGroup(type: type, arguments: args))
        }

        mutating func arguments() -> [String] {
            var args: [String] = []
            while true {
                switch next() {
                case .word(let w): args.append(w)
                case .punctuation(UInt8(ascii: ",")): continue
                default: return args
                }
            }
        }

        mutating func body(_ start: LibertyGroup) -> LibertyGroup? {
            var g = start
            while true {
                switch next() {
                case .punctuation(UInt8(ascii: "}")), .end:
                    return g
                case .punctuation:
                    continue  // a stray ';'
                case .word(let name):
                    switch next() {
                    case .punctuation(UInt8(ascii: ":")):
                        if case .word(let value) = next() { g.attributes[name] = value }
                        skipSpace()
                        if i < bytes.count, bytes[i] == UInt8(ascii: ";") { i += 1 }
                    case .punctuation(UInt8(ascii: "(")):
                        let args = arguments()
                        skipSpace()
                        if i < bytes.count, bytes[i] == UInt8(ascii: "{") {
                            i += 1
                            guard depth < LibertyGroup.maximumDepth else {
                                problem = "groups nested more than \(LibertyGroup.maximumDepth) levels deep"
                                return nil
                            }
                            depth += 1
                            guard let child = body(LibertyGroup(type: name, arguments: args)) else { return nil }
                            depth -= 1
                            g.groups.append(child)
                        } else {
                            g.complexAttributes[name, default: []].append(args)
                            if i < bytes.count, bytes[i] == UInt8(ascii: ";") { i += 1 }
                        }
                    default:
                        problem = "expected ':' or '(' after '\(Self.shown(name))'"
                        return nil
                    }
                }
            }
        }
    }
}
