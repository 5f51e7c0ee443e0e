/// Why a hardware table could not be used.
package enum CostModelError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case missingEntry(table: String, entry: String)
    case unknownEntry(table: String, entry: String)
    case unsupportedVersion(table: String, found: Int, supported: Int)
    case unknownTable(name: String, known: [String])
    case invalidNumber(table: String, entry: String, field: String)
    case unreadableLatency(path: String, reason: String)

    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read hardware table \(path): \(reason)"
        case .missingEntry(let table, let entry):
            return "hardware table \(table) has no entry '\(entry)': recalibrate with 'transcode calibrate' or add it"
        case .unknownEntry(let table, let entry):
            return "hardware table \(table) has an unknown entry '\(entry)': remove it or check its spelling"
        case .unsupportedVersion(let table, let found, let supported):
            return "hardware table \(table) has format version \(found): this transcode reads version \(supported)"
        case .unknownTable(let name, let known):
            return "unknown hardware table '\(name)': use a file path or one of \(known.joined(separator: ", "))"
        case .unreadableLatency(let path, let reason):
            return "cannot read the main-memory latencies in \(path): \(reason)"
        case .invalidNumber(let table, let entry, let field):
            return "hardware table \(table) entry '\(entry)' has an invalid \(field): expected a finite number >= 0"
        }
    }
}
