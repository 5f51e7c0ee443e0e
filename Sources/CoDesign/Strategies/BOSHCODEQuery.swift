import DesignSpace

/// The kind of one BOSHCODE query, drawn independently for every query of a batch (the
/// authors' per-query random choice, 0.8/0.1/0.1 by default).
enum BOSHCODEQuery: Sendable, Equatable {
    /// GOBI on the UCB acquisition from a random start.
    case gobi
    /// GOBI on the epistemic uncertainty alone.
    case uncertainty
    /// A random point of the space.
    case diversity

    static func draw(uncertainty: Double, diversity: Double, rng: inout SeededGenerator) -> BOSHCODEQuery {
        let u = rng.nextUnit()
        if u < diversity { return .diversity }
        if u < diversity + uncertainty { return .uncertainty }
        return .gobi
    }
}
