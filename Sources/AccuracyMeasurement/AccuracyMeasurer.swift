import DesignSpace
import Foundation
import Training

/// Trains the models of a plan and appends their records; returns typed results, prints
/// nothing (progress goes through a callback).
package struct AccuracyMeasurer: Sendable {
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

    /// Trains model `index` of `plan` densely at the plan's setting.
    package func measure(_ plan: MeasurementPlan, index: Int, runner: String) throws(AccuracyMeasurementError) -> MeasurementRecord {
        guard plan.models.indices.contains(index) else { throw .taskOutOfRange(index: index, count: plan.models.count) }
        let setting = plan.setting
        // Each model gets its own seed, so a model's figures do not depend on its neighbours.
        let seed = plan.seed &* 1_000_003 &+ UInt64(index)
        let data = DatasetSubset(dataset, testSamples: setting.testSamples)
        let result: TrainingResult
        do {
            result = try Trainer.train(
                model: plan.models[index], dataset: data, settings: setting.trainingSettings(seed: seed, threads: threads),
                memoryLimit: memoryLimit)
        } catch { throw .trainingFailed(index: index, reason: error.description) }
        let last = result.epochs.last!
        return MeasurementRecord(
            index: index, model: plan.models[index], dataset: result.dataset, setting: setting, seed: seed,
            testAccuracy: result.testAccuracy, validationAccuracy: last.validationAccuracy, trainingAccuracy: last.trainingAccuracy,
            finalLoss: last.meanLoss, trainingSeconds: result.epochs.map(\.seconds).reduce(0, +), commit: commit, runner: runner)
    }

    /// Trains, in order, every model of the folder's plan that its log does not hold yet, and
    /// appends each record as it finishes. Holds the folder's run lock throughout.
    package func run(
        _ folder: MeasurementFolder, progress: (MeasurementRecord, _ done: Int, _ total: Int) -> Void = { _, _, _ in }
    ) throws(AccuracyMeasurementError) -> [MeasurementRecord] {
        let lock = try folder.lockRun()
        defer { close(lock) }
        let plan = try folder.readPlan()
        var records = try folder.readRecords()
        let done = Set(records.map(\.index))
        for index in plan.models.indices where !done.contains(index) {
            let record = try measure(plan, index: index, runner: "local")
            if try folder.append(record) { records.append(record) }
            progress(record, Set(records.map(\.index)).count, plan.models.count)
        }
        return records
    }
}
