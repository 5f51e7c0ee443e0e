import Foundation

/// The per-cell leakage of a liberty file (`cell_leakage_power`, in its leakage_power_unit).
public struct LibertyLeakage: Sendable {
    public let path: String
    /// Leakage of each cell in nanowatts.
    public let nanowatts: [String: Double]

    public init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CalibrationError.unreadableLiberty(path: path) }
        self.path = path
        var unitScale = 1.0  // to nW
        if let m = text.firstMatch(of: /leakage_power_unit\s*:\s*"1(\w+)"/) {
            switch m.1 {
            case "pW": unitScale = 1e-3
            case "nW": unitScale = 1
            case "uW": unitScale = 1e3
            case "mW": unitScale = 1e6
            default: unitScale = 1
            }
        }
        var table: [String: Double] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            if let m = line.firstMatch(of: /^\s*cell\s*\(\s*"?([A-Za-z0-9_]+)"?\s*\)/) {
                current = String(m.1)
            } else if let cell = current, table[cell] == nil, let m = line.firstMatch(of: /^\s*cell_leakage_power\s*:\s*([0-9.eE+-]+)/) {
                table[cell] = (Double(m.1) ?? 0) * unitScale
            }
        }
        nanowatts = table
    }
}
