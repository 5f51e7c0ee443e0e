/// HEAT's two-stage knowledge distillation of a tensor-train student from its dense teacher
/// (Gu et al. 2022): first the students' encoder layers learn the teacher's layer outputs
/// (mean squared error), then the whole student learns the teacher's softened predictions
/// together with the labels.
package struct DistillationSettings: Codable, Equatable, Sendable {
    /// Epochs of the first stage (hidden states).
    package var hiddenEpochs: Int
    /// Epochs of the second stage (predictions).
    package var predictionEpochs: Int
    /// The softmax temperature of the second stage's soft targets.
    package var temperature: Double
    /// The weight of the labels' cross-entropy in the second stage; the soft targets' KL
    /// divergence (times T^2, Hinton et al. 2015) takes the rest.
    package var labelWeight: Double

    package init(hiddenEpochs: Int = 1, predictionEpochs: Int = 1, temperature: Double = 2, labelWeight: Double = 0.5) {
        self.hiddenEpochs = hiddenEpochs
        self.predictionEpochs = predictionEpochs
        self.temperature = temperature
        self.labelWeight = labelWeight
    }

    /// Checks every field's range.
    package func validate() throws(TrainingError) {
        guard (0...100).contains(hiddenEpochs) else {
            throw .invalidSetting(name: "hidden-state epochs", value: String(hiddenEpochs), allowed: "0 to 100")
        }
        guard (0...100).contains(predictionEpochs) else {
            throw .invalidSetting(name: "prediction epochs", value: String(predictionEpochs), allowed: "0 to 100")
        }
        guard temperature.isFinite, (0.1...100).contains(temperature) else {
            throw .invalidSetting(name: "temperature", value: "\(temperature)", allowed: "0.1 to 100")
        }
        guard (0...1).contains(labelWeight) else {
            throw .invalidSetting(name: "label weight", value: "\(labelWeight)", allowed: "0 to 1")
        }
    }
}
