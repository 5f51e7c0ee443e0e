import Foundation

/// A recursive-descent recogniser of RFC 8259 JSON that keeps the line and column of every
/// byte, so that `JSONText` can say where a file goes wrong. It builds nothing: decoding is
/// left to Foundation once the text is known to be sound.
struct JSONSyntaxScanner {
    let bytes: [UInt8]
    let source: String
    let maximumDepth: Int
    private var index = 0
    private var line = 1
    private var column = 1

    init(bytes: [UInt8], source: String, maximumDepth: Int) {
        self.bytes = bytes
        self.source = source
        self.maximumDepth = maximumDepth
        // A UTF-8 byte-order mark is allowed before the text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// One value and nothing after it but white space.
    mutating func document() throws(StructuredInputError) {
        skipSpace()
        guard index < bytes.count else { throw error("the file is empty") }
        try value(depth: 1)
        skipSpace()
        guard index == bytes.count else { throw error("unexpected \(describe(bytes[index])) after the value") }
    }

    private func error(_ problem: String) -> StructuredInputError {
        .syntax(path: source, format: "JSON", line: line, column: column, problem: problem)
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "byte 0x%02X", byte)
    }

    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if bytes[index] & 0xC0 != 0x80 {
            // Continuation bytes of a UTF-8 sequence do not start a new column.
            column += 1
        }
        index += 1
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(StructuredInputError) {
        guard index < bytes.count else { throw error("the text ends where \(what) was expected") }
        guard bytes[index] == byte else { throw error("expected \(what), found \(describe(bytes[index]))") }
        advance()
    }

    private mutating func value(depth: Int) throws(StructuredInputError) {
        guard index < bytes.count else { throw error("the text ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw error("expected a value, found \(describe(bytes[index]))")
        }
    }

    private mutating func enter(depth: Int) throws(StructuredInputError) {
        guard depth <= maximumDepth else {
            throw .tooDeep(path: source, line: line, column: column, limit: maximumDepth)
        }
        advance()
        skipSpace()
    }

    private mutating func object(depth: Int) throws(StructuredInputError) {
        try enter(depth: depth)
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return advance() }
        var keys = Set<String>()
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw index < bytes.count
                    ? error("expected a key in double quotes, found \(describe(bytes[index]))")
                    : error("the text ends inside an object")
            }
            let (keyLine, keyColumn) = (line, column)
            let key = try string()
            guard keys.insert(key).inserted else {
                throw .duplicateKey(path: source, key: key, line: keyLine, column: keyColumn)
            }
            skipSpace()
            try expect(UInt8(ascii: ":"), "':' after the key")
            skipSpace()
            try value(depth: depth + 1)
            skipSpace()
            guard index < bytes.count else { throw error("the text ends inside an object") }
            if bytes[index] == UInt8(ascii: "}") { return advance() }
            try expect(UInt8(ascii: ","), "',' or '}'")
            skipSpace()
        }
    }

    private mutating func array(depth: Int) throws(StructuredInputError) {
        try enter(depth: depth)
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { return advance() }
        while true {
            try value(depth: depth + 1)
            skipSpace()
            guard index < bytes.count else { throw error("the text ends inside a list") }
            if bytes[index] == UInt8(ascii: "]") { return advance() }
            try expect(UInt8(ascii: ","), "',' or ']'")
            skipSpace()
        }
    }

    private mutating func literal(_ word: String) throws(StructuredInputError) {
        for byte in word.utf8 { try expect(byte, "'\(word)'") }
    }

    private mutating func digits() -> Int {
        var count = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            advance()
            count += 1
        }
        return count
    }

    private mutating func number() throws(StructuredInputError) {
        if bytes[index] == UInt8(ascii: "-") { advance() }
        guard index < bytes.count else { throw error("the text ends inside a number") }
        if bytes[index] == UInt8(ascii: "0") {
            advance()
        } else if digits() == 0 {
            throw error("expected a digit, found \(describe(bytes[index]))")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            advance()
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            advance()
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { advance() }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
    }

    /// A string's decoded value (keys are compared decoded, so "a" and "\u0061" are one key).
    private mutating func string() throws(StructuredInputError) -> String {
        advance()
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
            raw.removeAll()
        }
        while true {
            guard index < bytes.count else { throw error("the text ends inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                advance()
                flush()
                return String(scalars)
            }
            guard byte >= 0x20 else { throw error("a control character (\(describe(byte))) inside a string must be escaped") }
            guard byte == UInt8(ascii: "\\") else {
                raw.append(byte)
                advance()
                continue
            }
            flush()
            advance()
            guard index < bytes.count else { throw error("the text ends inside a string") }
            let escape = bytes[index]
            advance()
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    advance()
                    advance()
                    let low = try hex4()
                    code = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
            }
        }
    }

    private mutating func hex4() throws(StructuredInputError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else {
                throw error("expected four hexadecimal digits after \\u")
            }
            code = code * 16 + UInt32(digit)
            advance()
        }
        return code
    }
}
