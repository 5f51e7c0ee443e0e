/// Counted (never assumed) zeros and multiply-accumulates at one product site.
///
/// Weights, activations and gradients are counted where they enter a product, after pruning
/// (weights once per forward product: they are the same in the backward one). A MAC is
/// effectual when both of its operands are non-zero; for a product of an m x k by a k x n
/// matrix that is the sum over the inner index of (non-zeros in that column of the left
/// operand) x (non-zeros in that row of the right one).
package struct SparsityCounts: Codable, Equatable, Sendable {
    package var weightValues = 0
    package var weightZeros = 0
    package var activationValues = 0
    package var activationZeros = 0
    package var gradientValues = 0
    package var gradientZeros = 0
    package var forwardMACs = 0
    package var forwardEffectualMACs = 0
    package var backwardMACs = 0
    package var backwardEffectualMACs = 0

    package init() {}

    /// Adds another site's counts (to total a layer or a model).
    package mutating func add(_ other: SparsityCounts) {
        weightValues += other.weightValues
        weightZeros += other.weightZeros
        activationValues += other.activationValues
        activationZeros += other.activationZeros
        gradientValues += other.gradientValues
        gradientZeros += other.gradientZeros
        forwardMACs += other.forwardMACs
        forwardEffectualMACs += other.forwardEffectualMACs
        backwardMACs += other.backwardMACs
        backwardEffectualMACs += other.backwardEffectualMACs
    }

    /// Weight sparsity rho (static pruning, see `WeightPruner`), nil when no weight was counted.
    package var weightRho: Double? { Self.ratio(weightZeros, weightValues) }
    /// Activation sparsity rho (paper eq. for rho), nil when no activation was counted.
    package var activationRho: Double? { Self.ratio(activationZeros, activationValues) }
    /// Gradient sparsity rho.
    package var gradientRho: Double? { Self.ratio(gradientZeros, gradientValues) }
    /// Fraction of forward MACs with both operands non-zero.
    package var forwardEffectualFraction: Double? { Self.ratio(forwardEffectualMACs, forwardMACs) }
    /// Fraction of backward (input-gradient and weight-gradient) MACs with both operands non-zero.
    package var backwardEffectualFraction: Double? { Self.ratio(backwardEffectualMACs, backwardMACs) }

    private static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }
}
