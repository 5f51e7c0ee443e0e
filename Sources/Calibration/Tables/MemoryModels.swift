import Foundation
import StructuredInput

/// The figures synthesis cannot give (buffers, main memory, dataflow and DMA controllers):
/// published 14 nm figures and the cited factors that carry them to the calibrated node.
package struct MemoryModels: Codable, Sendable {
    package struct Factor: Codable, Sendable {
        package let value: Double
        package let citation: String
    }

    package let format: String
    package let version: Int
    package let description: String
    /// The table the figures are taken from (`acceltran-14nm`).
    package let sourceTable: String
    /// Clock of that table: buffer bandwidth is kept per cycle.
    package let sourceClockMHz: Double
    /// Module entries taken from the source table rather than synthesised.
    package let scaledModules: [String]
    package let factors: [String: Factor]

    enum CodingKeys: String, CodingKey {
        case format, version, description
        case sourceTable = "source_table"
        case sourceClockMHz = "source_clock_mhz"
        case scaledModules = "scaled_modules"
        case factors
    }

    package static let requiredFactors = ["sram_area", "logic_area", "energy", "leakage_per_area"]

    package static func load(path: String) throws -> MemoryModels {
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

    package func factor(_ name: String) -> Double { factors[name]!.value }
}
