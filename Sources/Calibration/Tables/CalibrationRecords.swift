import Foundation
import StructuredInput

/// The file of raw synthesis records (`synth/nangate45-modules.json`): one entry per module
/// variant ever calibrated, each from the run that last calibrated it.
package struct CalibrationRecords: Codable, Sendable {
    package var format = "transcode-module-calibration"
    package var version = 2
    package var units = [
        "area_um2": "square micrometres", "leakage_mw": "milliwatts", "critical_path_ns": "nanoseconds",
        "switching_fj_per_cycle": "femtojoules per stimulus cycle", "internal_fj_per_cycle": "femtojoules per stimulus cycle",
        "net_toggle_rate": "transitions per net per cycle", "input_activity": "toggles per input bit per cycle",
    ]
    package var provenance: [String: String]
    package var modules: [ModuleCalibration]

    package init(provenance: [String: String], modules: [ModuleCalibration]) {
        self.provenance = provenance
        self.modules = modules.sorted { $0.module < $1.module }
    }

    /// Reads a records file; a missing file is an empty set, an unreadable one an error.
    package static func load(path: String) throws -> CalibrationRecords? {
        let data: Data
        do throws(StructuredInputError) {
            data = try InputFile.read(path)
            try JSONText.check(data, source: path)
        } catch .noSuchFile {
            return nil
        } catch {
            // A directory, a device or broken JSON is not "an older format": say what it is.
            throw CalibrationError.unreadableFile(path: path, reason: error.reason)
        }
        do {
            return try JSONDecoder().decode(CalibrationRecords.self, from: data)
        } catch {
            throw CalibrationError.unreadableRecords(path: path)
        }
    }

    /// These records with `fresh` replacing records of the same module, keeping only the
    /// modules `plan` synthesises (records of variants a plan no longer has would linger).
    package func merging(_ fresh: [ModuleCalibration], provenance: [String: String], plan: CalibrationPlan) -> CalibrationRecords {
        let wanted = Set(plan.variants.map(\.moduleName))
        let kept = modules.filter { old in wanted.contains(old.module) && !fresh.contains { $0.module == old.module } }
        return CalibrationRecords(provenance: provenance, modules: kept + fresh.filter { wanted.contains($0.module) })
    }

    package func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
