/// Why a simulation could not run.
package enum ElectorError: Error, Equatable, CustomStringConvertible {
    /// A threshold outside the range its sparsity curve covers.
    case tauOutsideCurve(kind: String, tau: Double, low: Double, high: Double)
    /// A sparsity-profile file that cannot be used.
    case badProfile(path: String, reason: String)
    /// A threshold at which the sparsity curve prunes every value of a matrix kind.
    case prunesEverything(kind: String, threshold: String, tau: Double)
    /// A setting outside its allowed range.
    case invalidSetting(name: String, value: String, allowed: String)

    package var description: String {
        switch self {
        case .tauOutsideCurve(let kind, let tau, let low, let high):
            return "tau \(tau) is outside the \(kind) sparsity curve: allowed \(low) to \(high)"
        case .prunesEverything(let kind, let threshold, let tau):
            return "\(threshold) \(tau) prunes every \(kind) value under this sparsity profile: use a smaller threshold"
        case .badProfile(let path, let reason):
            return "cannot use sparsity profile \(path): \(reason)"
        case .invalidSetting(let name, let value, let allowed):
            return "invalid \(name) \(value): allowed \(allowed)"
        }
    }
}
