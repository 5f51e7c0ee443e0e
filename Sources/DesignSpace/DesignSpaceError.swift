/// Every way a design-space input can be wrong.
///
/// Each case renders as one line that names the field, the bad value and what is
/// allowed, so the command-line tool can print it as is and exit non-zero.
public enum DesignSpaceError: Error, Equatable, CustomStringConvertible {
    /// A field holds a value outside its allowed set.
    case invalidValue(field: String, value: String, allowed: String)
    /// A required field is absent.
    case missingField(field: String, allowed: String)
    /// A field that the format does not know.
    case unknownField(field: String, allowed: String)
    /// A vector has the wrong number of entries.
    case wrongLength(what: String, got: Int, expected: String)
    /// An index lies outside the space.
    case indexOutOfRange(what: String, index: String, count: String)
    /// A built-in name that does not exist.
    case unknownBuiltIn(kind: String, name: String, known: [String])
    /// A file could not be read or parsed.
    case malformedFile(path: String, reason: String)
    /// A stored record was written with other frozen encodings (`SpaceVersion`).
    case unsupportedSpaceVersion(file: String, found: Int, supported: Int)

    public var description: String {
        switch self {
        case .invalidValue(let field, let value, let allowed):
            return "invalid value \(value) for field '\(field)': allowed \(allowed)"
        case .missingField(let field, let allowed):
            return "missing field '\(field)': expected \(allowed)"
        case .unknownField(let field, let allowed):
            return "unknown field '\(field)': known fields are \(allowed)"
        case .wrongLength(let what, let got, let expected):
            return "\(what) has \(got) numbers: expected \(expected)"
        case .indexOutOfRange(let what, let index, let count):
            return "\(what) index \(index) is out of range: allowed 0 to \(count)"
        case .unknownBuiltIn(let kind, let name, let known):
            return "unknown \(kind) '\(name)': use a file path or one of \(known.joined(separator: ", "))"
        case .malformedFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .unsupportedSpaceVersion(let file, let found, let supported):
            return "cannot read \(file): it was written with design-space version \(found), and this build reads only version \(supported)"
        }
    }
}
