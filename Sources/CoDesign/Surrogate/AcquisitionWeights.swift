/// Weights of the terms GOBI maximises: the predicted mean and the epistemic and aleatoric
/// standard deviations (all in the surrogate's standardised units).
struct AcquisitionWeights: Sendable, Equatable {
    var mean: Double
    var epistemic: Double
    var aleatoric: Double

    /// Upper confidence bound during optimisation: the epistemic term only.
    static func optimising(_ k: Double) -> AcquisitionWeights { .init(mean: 1, epistemic: k, aleatoric: 0) }
    /// After convergence: both uncertainty terms.
    static func converged(_ k: Double) -> AcquisitionWeights { .init(mean: 1, epistemic: k, aleatoric: k) }
    /// Uncertainty sampling: the epistemic term alone.
    static let uncertainty = AcquisitionWeights(mean: 0, epistemic: 1, aleatoric: 0)
}
