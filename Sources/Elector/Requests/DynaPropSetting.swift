/// The two DynaProp thresholds and the sparsities they produce.
package struct DynaPropSetting: Sendable, Equatable, Codable {
    /// Forward-pass threshold for weights and activations.
    package let tauI: Double
    /// Backward-pass threshold for gradients.
    package let tauT: Double
    /// Resulting sparsities (fraction of zeros) per matrix kind.
    package let weightSparsity: Double
    package let activationSparsity: Double
    package let gradientSparsity: Double
    /// Counted effectual-MAC fractions of forward and backward products, from a measured
    /// profile; nil when the profile has none.
    package let forwardEffectualFraction: Double?
    package let backwardEffectualFraction: Double?

    enum CodingKeys: String, CodingKey {
        case tauI = "tau_i"
        case tauT = "tau_t"
        case weightSparsity = "weight_sparsity"
        case activationSparsity = "activation_sparsity"
        case gradientSparsity = "gradient_sparsity"
        case forwardEffectualFraction = "forward_effectual_fraction"
        case backwardEffectualFraction = "backward_effectual_fraction"
    }

    /// DynaProp switched off: dense matrices everywhere.
    package static let off = DynaPropSetting(tauI: 0, tauT: 0, weight: 0, activation: 0, gradient: 0)

    /// The paper's operating point: tau_I = 0.01, tau_T = 1e-4.
    package static let paperDefault = try! DynaPropSetting(tauI: 0.01, tauT: 1e-4, profile: .paperDefault)

    package init(tauI: Double, tauT: Double, profile: SparsityProfile) throws {
        self.tauI = tauI
        self.tauT = tauT
        if let grid = profile.grid {
            weightSparsity = try Self.survivable(
                grid.value("weight", tauI: tauI, tauT: tauT), kind: "weight", threshold: "tau_I", tau: tauI)
            activationSparsity = try Self.survivable(
                grid.value("activation", tauI: tauI, tauT: tauT), kind: "activation", threshold: "tau_I", tau: tauI)
            gradientSparsity = try Self.survivable(
                grid.value("gradient", tauI: tauI, tauT: tauT), kind: "gradient", threshold: "tau_T", tau: tauT)
            forwardEffectualFraction = try grid.value("forward_effectual", tauI: tauI, tauT: tauT)
            backwardEffectualFraction = try grid.value("backward_effectual", tauI: tauI, tauT: tauT)
            return
        }
        weightSparsity = try Self.survivable(
            profile.weight.sparsity(at: tauI, kind: "weight"), kind: "weight", threshold: "tau_I", tau: tauI)
        activationSparsity = try Self.survivable(
            profile.activation.sparsity(at: tauI, kind: "activation"), kind: "activation", threshold: "tau_I", tau: tauI)
        gradientSparsity = try Self.survivable(
            profile.gradient.sparsity(at: tauT, kind: "gradient"), kind: "gradient", threshold: "tau_T", tau: tauT)
        forwardEffectualFraction = try profile.forwardEffectual?.sparsity(at: tauI, kind: "forward effectual-MAC")
        backwardEffectualFraction = try profile.backwardEffectual?.sparsity(at: tauT, kind: "backward effectual-MAC")
    }

    /// The rule for thresholds that prune everything: a sparsity that rounds to 1 in double
    /// precision (fewer than about 1e-16 of the values survive) leaves no effectual MAC, so
    /// the simulated workload would be empty; such a threshold is refused rather than
    /// simulated as a run that does nothing.
    static func survivable(_ rho: Double, kind: String, threshold: String, tau: Double) throws -> Double {
        guard rho < 1 else { throw ElectorError.prunesEverything(kind: kind, threshold: threshold, tau: tau) }
        return rho
    }

    init(tauI: Double, tauT: Double, weight: Double, activation: Double, gradient: Double) {
        self.tauI = tauI
        self.tauT = tauT
        weightSparsity = weight
        activationSparsity = activation
        gradientSparsity = gradient
        forwardEffectualFraction = nil
        backwardEffectualFraction = nil
    }

    /// Fraction of a product's MACs whose two operands (of kinds `left` and `right`) are both
    /// non-zero. Measured profiles count it (forward products at tau_I, backward ones, those
    /// with a gradient operand, at tau_T); otherwise the operands' densities are multiplied,
    /// which assumes their zeros fall independently.
    package func effectualFraction(_ left: MatrixKind, _ right: MatrixKind) -> Double {
        let independent = (1 - sparsity(of: left)) * (1 - sparsity(of: right))
        let measured = left == .gradient || right == .gradient ? backwardEffectualFraction : forwardEffectualFraction
        return measured ?? independent
    }

    /// Sparsity of a matrix kind.
    package func sparsity(of kind: MatrixKind) -> Double {
        switch kind {
        case .weight: weightSparsity
        case .activation: activationSparsity
        case .gradient: gradientSparsity
        case .fixed: 0
        }
    }
}
