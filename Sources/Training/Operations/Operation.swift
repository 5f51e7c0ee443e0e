/// One differentiable operation of a network, applied to a batch of token sequences.
///
/// Activations are row-major matrices of (batch x sequence length) rows; `forward` keeps
/// what `backward` needs, so each `backward` must follow the `forward` it differentiates.
/// `backward` accumulates parameter gradients and returns the gradient of its input.
package protocol Operation: AnyObject {
    /// Learned parameters, in a fixed order (the optimizer's state follows it).
    var parameters: [Parameter] { get }
    /// Width of one input row.
    var inputWidth: Int { get }
    /// Width of one output row.
    var outputWidth: Int { get }
    func forward(_ input: [Float], batch: Int) -> [Float]
    func backward(_ outputGradient: [Float]) -> [Float]
}
