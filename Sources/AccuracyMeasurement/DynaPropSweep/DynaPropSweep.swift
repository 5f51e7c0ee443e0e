import DesignSpace
import Foundation
import Training

/// Trains a model once per (tau_I, tau_T) point of a plan and appends each point's record;
/// returns typed results and prints nothing (progress goes through a callback).
package struct DynaPropSweep: Sendable {
    package let dataset: any TrainingDataset
    package let threads: Int
    package let memoryLimit: Int
    package let commit: String?

    package init(dataset: any TrainingDataset, threads: Int = 2, memoryLimit: Int, commit: String?) {
        self.dataset = dataset
        self.threads = threads
        self.memoryLimit = memoryLimit
        self.commit = commit
    }

    /// Trains grid point `index` of `plan` with DynaProp at its thresholds and the plan's
    /// static weight sparsity, at the plan's setting.
    package func measure(_ plan: DynaPropSweepPlan, index: Int) throws(AccuracyMeasurementError) -> DynaPropSweepRecord {
        let points = plan.points
        guard points.indices.contains(index) else { throw .taskOutOfRange(index: index, count: points.count) }
        let point = points[index]
        var settings = plan.setting.trainingSettings(seed: plan.seed, threads: threads)
        let result: TrainingResult
        do {
            settings.dynaProp = try DynaPropThresholds(tauI: point.tauI, tauT: point.tauT)
            settings.weightSparsity = plan.weightSparsity
            result = try Trainer.train(
                model: plan.model, dataset: DatasetSubset(dataset, testSamples: plan.setting.testSamples), settings: settings,
                memoryLimit: memoryLimit)
        } catch { throw .trainingFailed(index: index, reason: error.description) }
        let encoder = result.profile!.encoder
        let last = result.epochs.last!
        return DynaPropSweepRecord(
            index: index, tauI: point.tauI, tauT: point.tauT, seed: plan.seed, testAccuracy: result.testAccuracy,
            validationAccuracy: last.validationAccuracy, trainingSeconds: result.epochs.map(\.seconds).reduce(0, +),
            weightRho: encoder.weightRho ?? 0, activationRho: encoder.activationRho ?? 0, gradientRho: encoder.gradientRho ?? 0,
            forwardEffectualFraction: encoder.forwardEffectualFraction ?? 1,
            backwardEffectualFraction: encoder.backwardEffectualFraction ?? 1,
            commit: commit)
    }

    /// Trains, in grid order, every point of the folder's plan that its log does not hold yet,
    /// appending each record as it finishes; holds the folder's run lock throughout. Returns
    /// the log's records in grid order.
    package func run(
        _ folder: DynaPropSweepFolder, progress: (DynaPropSweepRecord, _ done: Int, _ total: Int) -> Void = { _, _, _ in }
    ) throws(AccuracyMeasurementError) -> [DynaPropSweepRecord] {
        let lock = try folder.lockRun()
        defer { close(lock) }
        let plan = try folder.readPlan()
        var records = try folder.log.readRecords()
        let total = plan.points.count
        for point in plan.points where !records.contains(where: { $0.index == point.index }) {
            let record = try measure(plan, index: point.index)
            if try folder.log.append(record) { records.append(record) }
            progress(record, Set(records.map(\.index)).count, total)
        }
        return records.sorted { $0.index < $1.index }
    }
}
