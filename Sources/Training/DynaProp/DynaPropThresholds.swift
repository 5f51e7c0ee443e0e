/// DynaProp's pruning thresholds (paper Section III-A and V-A): values with magnitude below
/// `tauI` are forced to zero at the inputs of every forward matrix product, and gradients
/// below `tauT` at the inputs of every backward one.
package struct DynaPropThresholds: Codable, Equatable, Sendable {
    /// Forward (activation) threshold tau_I.
    package let tauI: Float
    /// Backward (gradient) threshold tau_T.
    package let tauT: Float

    /// No pruning.
    package static let none = DynaPropThresholds(validTauI: 0, tauT: 0)

    /// Checks both thresholds: finite and in [0, 1] (a larger one prunes nearly everything).
    package init(tauI: Double, tauT: Double) throws(TrainingError) {
        for (name, value) in [("tau_I", tauI), ("tau_T", tauT)] where !(value.isFinite && value >= 0 && value <= 1) {
            throw .invalidSetting(name: name, value: "\(value)", allowed: "a number in [0, 1], e.g. 0.01 (tau_I) or 0.0001 (tau_T)")
        }
        self.init(validTauI: Float(tauI), tauT: Float(tauT))
    }

    private init(validTauI: Float, tauT: Float) {
        tauI = validTauI
        self.tauT = tauT
    }
}
