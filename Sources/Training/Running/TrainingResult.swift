/// The outcome of a training run, as the library returns it (the command writes it as JSON).
package struct TrainingResult: Codable, Equatable, Sendable {
    package let dataset: String
    package let tokenization: String
    package let settings: TrainingSettings
    package let parameters: Int
    package let trainingExamples: Int
    package let validationExamples: Int
    package let testExamples: Int
    package let estimatedBytes: Int
    package let epochs: [EpochResult]
    /// Accuracy on the data set's test split, evaluated once after the last epoch.
    package let testAccuracy: Double
    /// DynaProp's measured profile over all training steps; nil without DynaProp.
    package let profile: DynaPropProfile?
    /// Every batch's mean loss, in order (what the determinism check compares); left out of
    /// the JSON, which keeps per-epoch figures.
    package var batchLosses: [Double] = []

    enum CodingKeys: String, CodingKey {
        case dataset, tokenization, settings, parameters, trainingExamples, validationExamples, testExamples, estimatedBytes
        case epochs, testAccuracy, profile
    }
}
