/// Every way a user-supplied file can fail before its fields are looked at.
///
/// Each case renders as one line naming the file and what is wrong with it; the readers of
/// the other targets wrap it in their own error (for example `DesignSpaceError.malformedFile`).
package enum StructuredInputError: Error, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case noSuchFile(path: String)
    /// The path names a directory.
    case directory(path: String)
    /// The path names a device, socket or pipe, whose size cannot be known before reading.
    case notRegularFile(path: String)
    /// The file is larger than the reader accepts.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The bytes are not UTF-8 text.
    case notText(path: String)
    /// The text breaks the format's syntax at a position.
    case syntax(path: String, format: String, line: Int, column: Int, problem: String)
    /// Structure nested deeper than the reader accepts.
    case tooDeep(path: String, line: Int, column: Int, limit: Int)
    /// YAML whose aliases expand into more values than the reader accepts.
    case tooManyValues(path: String, limit: Int)
    /// A mapping names the same key twice.
    case duplicateKey(path: String, key: String, line: Int, column: Int)
    /// A YAML stream with other than one document.
    case documentCount(path: String, count: Int)

    /// The file the error is about.
    package var path: String {
        switch self {
        case .noSuchFile(let p), .directory(let p), .notRegularFile(let p), .notText(let p): p
        case .tooLarge(let p, _, _), .syntax(let p, _, _, _, _), .tooDeep(let p, _, _, _), .tooManyValues(let p, _): p
        case .duplicateKey(let p, _, _, _), .documentCount(let p, _): p
        }
    }

    /// What is wrong, without the path.
    package var reason: String {
        switch self {
        case .noSuchFile: "no such file"
        case .directory: "it is a directory, not a file"
        case .notRegularFile: "not a regular file"
        case .tooLarge(_, let bytes, let limit): "the file has \(bytes) bytes, more than the \(limit) this reader accepts"
        case .notText: "not UTF-8 text"
        case .syntax(_, let format, let line, let column, let problem): "not valid \(format): line \(line), column \(column): \(problem)"
        case .tooDeep(_, let line, let column, let limit): "nested more than \(limit) levels deep at line \(line), column \(column)"
        case .tooManyValues(_, let limit): "expands to more than \(limit) values (YAML aliases?)"
        case .duplicateKey(_, let key, let line, let column): "duplicate key '\(key)' at line \(line), column \(column)"
        case .documentCount(_, let count): "holds \(count) YAML documents: expected exactly one"
        }
    }

    package var description: String { "cannot read \(path): \(reason)" }
}
