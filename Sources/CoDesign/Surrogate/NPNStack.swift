import DesignSpace

/// Natural-parameter layers with moment-matched ReLUs between them (and after the last one
/// when `activateLast`, for a tower whose output feeds the joined layers).
struct NPNStack: Sendable, Codable {
    var layers: [NPNLayer]
    let activateLast: Bool

    init(sizes: [Int], activateLast: Bool, rng: inout SeededGenerator) {
        layers = (0..<(sizes.count - 1)).map { NPNLayer(inputs: sizes[$0], outputs: sizes[$0 + 1], rng: &rng) }
        self.activateLast = activateLast
    }

    /// Everything the backward pass needs: each layer's input and its activation's derivatives.
    struct Trace {
        var inputs: [(mean: [Double], variance: [Double])] = []
        var derivatives: [[(dMeanDMu: Double, dMeanDS: Double, dVarDMu: Double, dVarDS: Double)]?] = []
        var output: (mean: [Double], variance: [Double]) = ([], [])
    }

    func activated(_ l: Int) -> Bool { l < layers.count - 1 || activateLast }

    func forward(_ m: [Double], _ s: [Double]) -> Trace {
        var trace = Trace()
        var current = (mean: m, variance: s)
        for (l, layer) in layers.enumerated() {
            trace.inputs.append(current)
            var out = layer.forward(current.mean, current.variance)
            if activated(l) {
                var d: [(Double, Double, Double, Double)] = []
                d.reserveCapacity(out.mean.count)
                for o in 0..<out.mean.count {
                    let r = NPNMath.relu(mean: out.mean[o], variance: out.variance[o])
                    out.mean[o] = r.mean
                    out.variance[o] = r.variance
                    d.append((r.dMeanDMu, r.dMeanDS, r.dVarDMu, r.dVarDS))
                }
                trace.derivatives.append(d)
            } else {
                trace.derivatives.append(nil)
            }
            current = out
        }
        trace.output = current
        return trace
    }

    /// Parameter gradients (layer by layer, each `NPNLayer.parameters`' layout) and the
    /// gradients with respect to the stack's input means and variances.
    func backward(_ trace: Trace, meanGradient: [Double], varianceGradient: [Double]) -> (
        parameters: [[Double]], mean: [Double], variance: [Double]
    ) {
        var gm = meanGradient
        var gs = varianceGradient
        var perLayer: [[[Double]]] = Array(repeating: [], count: layers.count)
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            if let d = trace.derivatives[l] {
                for o in 0..<gm.count {
                    let (a, b) = (gm[o], gs[o])
                    gm[o] = a * d[o].dMeanDMu + b * d[o].dVarDMu
                    gs[o] = a * d[o].dMeanDS + b * d[o].dVarDS
                }
            }
            let input = trace.inputs[l]
            let g = layers[l].backward(input.mean, input.variance, meanGradient: gm, varianceGradient: gs)
            perLayer[l] = g.parameters
            gm = g.mean
            gs = g.variance
        }
        return (perLayer.flatMap { $0 }, gm, gs)
    }

    var parameters: [[Double]] {
        get { layers.flatMap(\.parameters) }
        set {
            for l in layers.indices { layers[l].parameters = Array(newValue[(4 * l)..<(4 * l + 4)]) }
        }
    }
}
