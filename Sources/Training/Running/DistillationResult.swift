import DesignSpace

/// What compressing a trained model measured (HEAT's flow): the teacher, then each
/// tensor-train student right after decomposition and after distillation.
package struct DistillationResult: Codable, Equatable, Sendable {
    /// One student.
    package struct Student: Codable, Equatable, Sendable {
        package let model: TransformerModel
        /// Learned parameters of the trained (narrowed) network.
        package let trainedParameters: Int
        /// Test accuracy with the teacher's weights decomposed by TT-SVD, before training.
        package let decomposedAccuracy: Double
        /// Test accuracy after the two distillation stages.
        package let testAccuracy: Double
        /// The Frobenius error of the decomposition relative to the weights' norm, over all
        /// decomposed matrices.
        package let relativeDecompositionError: Double
        package let hiddenStage: [EpochResult]
        package let predictionStage: [EpochResult]
    }

    package let dataset: String
    package let settings: TrainingSettings
    package let distillation: DistillationSettings
    package let teacher: TrainingResult
    package let students: [Student]
}
