/// One finished grid point, one line of DIR/sweep.jsonl: the thresholds, the accuracies, and
/// the sparsities measured over every training step in the encoder layers (`DynaPropProfile.encoder`).
package struct DynaPropSweepRecord: Codable, Equatable, Sendable {
    /// Position in the plan's grid (`DynaPropSweepPlan.points`).
    package let index: Int
    package let tauI: Double
    package let tauT: Double
    package let seed: UInt64
    package let testAccuracy: Double
    package let validationAccuracy: Double
    package let trainingSeconds: Double
    /// Fractions of zeros where weights, activations and gradients enter products.
    package let weightRho: Double
    package let activationRho: Double
    package let gradientRho: Double
    /// Fractions of MACs with both operands non-zero, counted.
    package let forwardEffectualFraction: Double
    package let backwardEffectualFraction: Double
    /// The project's commit, if git could tell.
    package let commit: String?

    /// The paper's net sparsity (Section V-A): the mean of activation and gradient sparsity.
    package var netSparsity: Double { (activationRho + gradientRho) / 2 }

    package init(
        index: Int, tauI: Double, tauT: Double, seed: UInt64, testAccuracy: Double, validationAccuracy: Double, trainingSeconds: Double,
        weightRho: Double, activationRho: Double, gradientRho: Double, forwardEffectualFraction: Double,
        backwardEffectualFraction: Double, commit: String?
    ) {
        self.index = index
        self.tauI = tauI
        self.tauT = tauT
        self.seed = seed
        self.testAccuracy = testAccuracy
        self.validationAccuracy = validationAccuracy
        self.trainingSeconds = trainingSeconds
        self.weightRho = weightRho
        self.activationRho = activationRho
        self.gradientRho = gradientRho
        self.forwardEffectualFraction = forwardEffectualFraction
        self.backwardEffectualFraction = backwardEffectualFraction
        self.commit = commit
    }

    enum CodingKeys: String, CodingKey {
        case index
        case tauI = "tau_i"
        case tauT = "tau_t"
        case seed
        case testAccuracy = "test_accuracy"
        case validationAccuracy = "validation_accuracy"
        case trainingSeconds = "training_seconds"
        case weightRho = "weight_rho"
        case activationRho = "activation_rho"
        case gradientRho = "gradient_rho"
        case forwardEffectualFraction = "forward_effectual_fraction"
        case backwardEffectualFraction = "backward_effectual_fraction"
        case commit
    }
}
