import Foundation

/// JSON read strictly (RFC 8259) before Foundation decodes it.
///
/// Foundation's parser on Linux accepts trailing commas, keeps the last of two equal keys
/// silently, reports no position, and recurses without a bound. This check runs first and
/// turns each of those into a one-line error with a line and a column.
package enum JSONText {
    /// Deeper than any file the project reads (a model dict nests three levels).
    package static let defaultMaximumDepth = 64

    /// Checks `data`, then decodes it with `JSONSerialization`.
    package static func object(_ data: Data, source: String, maximumDepth: Int = defaultMaximumDepth) throws(StructuredInputError) -> Any {
        try check(data, source: source, maximumDepth: maximumDepth)
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            // Unreachable for text the check accepted; kept so that a Foundation quirk is
            // still one line, not a crash.
            throw .syntax(path: source, format: "JSON", line: 1, column: 1, problem: "Foundation could not decode it")
        }
    }

    /// Throws the first syntax error, over-deep nesting or duplicate key in `data`.
    package static func check(_ data: Data, source: String, maximumDepth: Int = defaultMaximumDepth) throws(StructuredInputError) {
        var scanner = JSONSyntaxScanner(bytes: [UInt8](data), source: source, maximumDepth: maximumDepth)
        try scanner.document()
    }
}
