import Foundation
import Glibc

/// A measurement folder: `plan.json` (the models in task order), `accuracy.jsonl` (one
/// finished model per line, append-only) and `measure.lock` (held by a local run).
///
/// The log is an `AppendOnlyLog`: a SIGKILL at any point loses at most the model in training,
/// and concurrent Slurm tasks never interleave.
package struct MeasurementFolder: Sendable {
    package let path: String

    package init(_ path: String) { self.path = path }

    package var planPath: String { "\(path)/plan.json" }
    package var logPath: String { "\(path)/accuracy.jsonl" }
    package var lockPath: String { "\(path)/measure.lock" }

    /// Creates the folder if needed and writes `plan`, or checks it against the stored plan.
    /// A stored plan that `plan` extends (same setting, seed and data set, its models a
    /// prefix) is replaced, so `--models` can grow a finished folder.
    package func prepare(_ plan: MeasurementPlan) throws(AccuracyMeasurementError) -> MeasurementPlan {
        try RunFolder.ensure(path)
        if FileManager.default.fileExists(atPath: planPath) {
            let stored = try readPlan()
            func check(_ field: String, _ a: String, _ b: String) throws(AccuracyMeasurementError) {
                if a != b { throw .planMismatch(path: planPath, field: field, stored: a, asked: b) }
            }
            try check("setting", "\(stored.setting.name) v\(stored.setting.version)", "\(plan.setting.name) v\(plan.setting.version)")
            try check("seed", String(stored.seed), String(plan.seed))
            try check("data set", stored.dataset, plan.dataset)
            let shared = min(stored.models.count, plan.models.count)
            guard stored.setting == plan.setting, Array(stored.models.prefix(shared)) == Array(plan.models.prefix(shared)) else {
                throw .planMismatch(path: planPath, field: "models", stored: "another list", asked: "this one")
            }
            if plan.models.count <= stored.models.count { return stored }
        }
        try write(plan)
        return plan
    }

    /// Reads DIR/plan.json.
    package func readPlan() throws(AccuracyMeasurementError) -> MeasurementPlan {
        guard let data = FileManager.default.contents(atPath: planPath) else {
            throw .unreadableFile(path: planPath, reason: "no such file; create it with `transcode accuracy measure --out \(path)`")
        }
        do { return try JSONDecoder().decode(MeasurementPlan.self, from: data) } catch {
            throw .unreadableFile(path: planPath, reason: "not a measurement plan")
        }
    }

    private func write(_ plan: MeasurementPlan) throws(AccuracyMeasurementError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            // Atomic: a reader sees the old plan or the new one, never half of one.
            try (try encoder.encode(plan) + Data([0x0A])).write(to: URL(fileURLWithPath: planPath), options: .atomic)
        } catch {
            throw .unusableDirectory(path: path, reason: "cannot write plan.json")
        }
    }

    /// The append-only log (`AppendOnlyLog`).
    package var log: AppendOnlyLog<MeasurementRecord> {
        AppendOnlyLog(folder: path, fileName: "accuracy.jsonl", recordName: "measurement record") { $0.index }
    }

    /// Every finished record, in log order (see `AppendOnlyLog.readRecords`).
    package func readRecords() throws(AccuracyMeasurementError) -> [MeasurementRecord] { try log.readRecords() }

    /// Appends `record` unless the log already holds its index (a retried Slurm task whose
    /// first attempt finished); returns whether it was written.
    @discardableResult
    package func append(_ record: MeasurementRecord) throws(AccuracyMeasurementError) -> Bool { try log.append(record) }

    /// Takes the folder's run lock for this process's lifetime (closing the descriptor or
    /// dying releases it); refuses when another local run holds it.
    package func lockRun() throws(AccuracyMeasurementError) -> Int32 {
        try AppendOnlyLog<MeasurementRecord>.lockRun(folder: path, lockName: "measure.lock", command: "transcode accuracy measure")
    }
}
