import Foundation
import StructuredInput

/// The figures synthesis cannot give (buffers, main memory, dataflow and DMA controllers):
/// published 14 nm figures and the cited factors that carry them to the calibrated node.
public struct MemoryModels: Codable, Sendable {
    public struct Factor: Codable, Sendable {
        public let value: Double
        public let citation: String
    }

    public let format: String
    public let version: Int
    public let description: String
    /// The table the figures are taken from (`acceltran-14nm`).
    public let sourceTable: String
    /// Clock of that table: buffer bandwidth is kept per cycle.
    public let sourceClockMHz: Double
    /// Module entries taken from the source table rather than synthesised.
    public let scaledModules: [String]
    public let factors: [String: Factor]

    enum CodingKeys: String, CodingKey {
        case format, version, description, sourceTable = "source_table", sourceClockMHz = "source_clock_mhz"
        case scaledModules = "scaled_modules", factors
    }

    public static let requiredFactors = ["sram_area", "logic_area", "energy", "leakage_per_area"]

    public static func load(path: String) throws -> MemoryModels {
        // Through the bounded reader, for the same one-line errors as every other input file.
        let data: Data
        do throws(StructuredInputError) {
            data = try InputFile.read(path)
            try JSONText.check(data, source: path)
        } catch {
            throw CalibrationError.unreadableMemoryModels(path: path, reason: error.reason)
        }
        let models: MemoryModels
        do {
            models = try JSONDecoder().decode(MemoryModels.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw CalibrationError.unreadableMemoryModels(path: path, reason: "missing field '\(key.stringValue)'")
        } catch {
            throw CalibrationError.unreadableMemoryModels(path: path, reason: "not a memory-models JSON file")
        }
        guard models.format == "transcode-memory-models", models.version == 1 else {
            throw CalibrationError.unreadableMemoryModels(path: path, reason: "expected format transcode-memory-models version 1")
        }
        for name in requiredFactors where !((models.factors[name]?.value ?? -1) > 0) {
            throw CalibrationError.unreadableMemoryModels(path: path, reason: "factors.\(name).value must be a number > 0")
        }
        return models
    }

    public func factor(_ name: String) -> Double { factors[name]!.value }
}
