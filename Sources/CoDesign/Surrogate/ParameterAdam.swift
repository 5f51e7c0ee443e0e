import Foundation

/// Adam over a model's parameter arrays (any layout, as long as gradients share it).
struct ParameterAdam {
    var m: [[Double]]
    var v: [[Double]]
    var t = 0
    let learningRate: Double

    init(like parameters: [[Double]], learningRate: Double) {
        m = parameters.map { [Double](repeating: 0, count: $0.count) }
        v = m
        self.learningRate = learningRate
    }

    mutating func step(_ p: inout [[Double]], gradient g: [[Double]], scale: Double) {
        t += 1
        let c1 = 1 - pow(0.9, Double(t))
        let c2 = 1 - pow(0.999, Double(t))
        for l in 0..<p.count {
            for k in 0..<p[l].count {
                let gk = g[l][k] * scale
                m[l][k] = 0.9 * m[l][k] + 0.1 * gk
                v[l][k] = 0.999 * v[l][k] + 0.001 * gk * gk
                p[l][k] -= learningRate * (m[l][k] / c1) / ((v[l][k] / c2).squareRoot() + 1e-8)
            }
        }
    }
}
