import DesignSpace

/// BOSHCODE's NPN: one tower for the transformer embedding, one for the accelerator
/// embedding (and the taus), their outputs joined and mapped to the performance's mean and
/// aleatoric variance, in standardised units.
struct TwoTowerNPN: Sendable, Codable {
    /// Input entries before `split` go to the first tower, the rest to the second.
    let split: Int
    var first: NPNStack
    var second: NPNStack
    var joined: NPNStack

    init(inputs: Int, split: Int, hidden: Int, rng: inout SeededGenerator) {
        self.split = split
        first = NPNStack(sizes: [split, hidden, hidden], activateLast: true, rng: &rng)
        second = NPNStack(sizes: [inputs - split, hidden, hidden], activateLast: true, rng: &rng)
        joined = NPNStack(sizes: [2 * hidden, hidden, 1], activateLast: false, rng: &rng)
    }

    struct Trace {
        var first: NPNStack.Trace
        var second: NPNStack.Trace
        var joined: NPNStack.Trace
        var mean: Double { joined.output.mean[0] }
        var variance: Double { joined.output.variance[0] }
    }

    /// Inputs are points, not distributions: their variance is zero.
    func forward(_ x: [Double]) -> Trace {
        let a = Array(x[..<split])
        let b = Array(x[split...])
        let t1 = first.forward(a, [Double](repeating: 0, count: a.count))
        let t2 = second.forward(b, [Double](repeating: 0, count: b.count))
        let t3 = joined.forward(t1.output.mean + t2.output.mean, t1.output.variance + t2.output.variance)
        return Trace(first: t1, second: t2, joined: t3)
    }

    /// Parameter gradients (in `parameters`' layout) and the input gradient, for gradients
    /// `dMean` and `dVariance` of the loss with respect to the outputs.
    func backward(_ trace: Trace, dMean: Double, dVariance: Double) -> (parameters: [[Double]], input: [Double]) {
        let g3 = joined.backward(trace.joined, meanGradient: [dMean], varianceGradient: [dVariance])
        let h = first.layers.last!.outputs
        let g1 = first.backward(trace.first, meanGradient: Array(g3.mean[..<h]), varianceGradient: Array(g3.variance[..<h]))
        let g2 = second.backward(trace.second, meanGradient: Array(g3.mean[h...]), varianceGradient: Array(g3.variance[h...]))
        return (g1.parameters + g2.parameters + g3.parameters, g1.mean + g2.mean)
    }

    var parameters: [[Double]] {
        get { first.parameters + second.parameters + joined.parameters }
        set {
            let n1 = 4 * first.layers.count
            let n2 = 4 * second.layers.count
            first.parameters = Array(newValue[..<n1])
            second.parameters = Array(newValue[n1..<(n1 + n2)])
            joined.parameters = Array(newValue[(n1 + n2)...])
        }
    }
}
