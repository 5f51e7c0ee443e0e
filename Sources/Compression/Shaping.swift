/// How a candidate's tensorisation was chosen.
package enum Shaping: String, Codable, Sendable, CaseIterable {
    /// The most even factors (largest over smallest factor least): the heuristic of hand-tuned
    /// factorisations that HEAT compares against.
    case balanced
    /// Matrix by matrix, the shape of least energy-delay product on the target accelerator
    /// (simulated in the fast mode), as HEAT co-optimises shape and hardware.
    case hardwareAware = "hardware-aware"
}
