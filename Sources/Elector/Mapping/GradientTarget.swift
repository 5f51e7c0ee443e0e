/// Which result a backward operation's gradient belongs to, for the liveness walk: a
/// gradient of several results at once leaves after the backward operations of the one that
/// comes first in program order (the last in the backward pass).
enum GradientTarget: Sendable {
    /// A weight gradient or none: it stays until the updates at the end.
    case none
    /// Step t's result.
    case step(Int)
    /// Input k's.
    case input(Int)
    /// Of step s's left (or right) operand's inputs, the earliest in the layer.
    case earliestInput(step: Int, left: Bool)
}
