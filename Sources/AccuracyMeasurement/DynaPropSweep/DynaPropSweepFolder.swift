import Foundation

/// A sweep folder: `plan.json` (the grid), `sweep.jsonl` (one finished point per line, an
/// `AppendOnlyLog`), `sweep.lock` (held by a run), and the figures and profile the sweep
/// writes when the grid is complete.
package struct DynaPropSweepFolder: Sendable {
    package let path: String

    package init(_ path: String) { self.path = path }

    package var planPath: String { "\(path)/plan.json" }
    package var log: AppendOnlyLog<DynaPropSweepRecord> {
        AppendOnlyLog(folder: path, fileName: "sweep.jsonl", recordName: "sweep record") { $0.index }
    }

    /// Creates the folder if needed and writes `plan`, or checks that the stored plan is the
    /// same (a resumed run must train the same grid).
    package func prepare(_ plan: DynaPropSweepPlan) throws(AccuracyMeasurementError) -> DynaPropSweepPlan {
        try RunFolder.ensure(path)
        if FileManager.default.fileExists(atPath: planPath) {
            let stored = try readPlan()
            func check(_ field: String, _ a: String, _ b: String) throws(AccuracyMeasurementError) {
                if a != b { throw .planMismatch(path: planPath, field: field, stored: a, asked: b) }
            }
            try check("model", stored.modelName, plan.modelName)
            try check("setting", "\(stored.setting.name) v\(stored.setting.version)", "\(plan.setting.name) v\(plan.setting.version)")
            try check("seed", String(stored.seed), String(plan.seed))
            try check("tau_I", Self.list(stored.tauI), Self.list(plan.tauI))
            try check("tau_T", Self.list(stored.tauT), Self.list(plan.tauT))
            try check("weight sparsity", "\(stored.weightSparsity)", "\(plan.weightSparsity)")
            guard stored == plan else { throw .planMismatch(path: planPath, field: "plan", stored: "another one", asked: "this one") }
            return stored
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try (try encoder.encode(plan) + Data([0x0A])).write(to: URL(fileURLWithPath: planPath), options: .atomic)
        } catch {
            throw .unusableDirectory(path: path, reason: "cannot write plan.json")
        }
        return plan
    }

    /// Reads DIR/plan.json.
    package func readPlan() throws(AccuracyMeasurementError) -> DynaPropSweepPlan {
        guard let data = FileManager.default.contents(atPath: planPath) else {
            throw .unreadableFile(path: planPath, reason: "no such file; create it with `transcode dynaprop sweep --out \(path)`")
        }
        do { return try JSONDecoder().decode(DynaPropSweepPlan.self, from: data) } catch {
            throw .unreadableFile(path: planPath, reason: "not a DynaProp sweep plan")
        }
    }

    /// Takes the folder's run lock (see `AppendOnlyLog.lockRun`).
    package func lockRun() throws(AccuracyMeasurementError) -> Int32 {
        try AppendOnlyLog<DynaPropSweepRecord>.lockRun(folder: path, lockName: "sweep.lock", command: "transcode dynaprop sweep")
    }

    static func list(_ values: [Double]) -> String { values.map { "\($0)" }.joined(separator: ",") }
}
