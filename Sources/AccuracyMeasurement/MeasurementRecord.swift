import DesignSpace

/// One finished model, one line of the JSONL log: the model (layers and 37-number embedding),
/// the setting and seed it was trained with, its accuracies, and the provenance.
package struct MeasurementRecord: Codable, Equatable, Sendable {
    package let spaceVersion: Int
    /// Position in the plan (the Slurm task index).
    package let index: Int
    package let model: TransformerModel
    package let embedding: [Int]
    /// Parameters of the model as the space defines it (before any width division).
    package let parameters: Int
    package let dataset: String
    package let setting: MeasurementSetting
    package let seed: UInt64
    /// Trained densely: the accuracy data set carries no DynaProp pruning.
    package let dynaProp: Bool
    package let testAccuracy: Double
    package let validationAccuracy: Double
    package let trainingAccuracy: Double
    package let finalLoss: Double
    package let trainingSeconds: Double
    /// The project's commit, if git could tell.
    package let commit: String?
    /// Where it ran: `local` or `slurm job J task I`.
    package let runner: String

    enum CodingKeys: String, CodingKey {
        case spaceVersion = "space_version"
        case index, model, embedding, parameters, dataset, setting, seed
        case dynaProp = "dynaprop"
        case testAccuracy = "test_accuracy"
        case validationAccuracy = "validation_accuracy"
        case trainingAccuracy = "training_accuracy"
        case finalLoss = "final_loss"
        case trainingSeconds = "training_seconds"
        case commit, runner
    }

    package init(
        index: Int, model: TransformerModel, dataset: String, setting: MeasurementSetting, seed: UInt64, testAccuracy: Double,
        validationAccuracy: Double, trainingAccuracy: Double, finalLoss: Double, trainingSeconds: Double, commit: String?, runner: String
    ) {
        spaceVersion = SpaceVersion.current
        self.index = index
        self.model = model
        embedding = TransformerSpace.embedding(of: model)
        parameters = model.parameterCount
        self.dataset = dataset
        self.setting = setting
        self.seed = seed
        dynaProp = false
        self.testAccuracy = testAccuracy
        self.validationAccuracy = validationAccuracy
        self.trainingAccuracy = trainingAccuracy
        self.finalLoss = finalLoss
        self.trainingSeconds = trainingSeconds
        self.commit = commit
        self.runner = runner
    }
}
