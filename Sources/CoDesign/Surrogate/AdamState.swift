import Foundation

/// Adam's moment estimates for every parameter.
struct AdamState {
    var mW: [[Double]], vW: [[Double]], mB: [[Double]], vB: [[Double]]
    var t = 0

    init(shapes: [Int], biasShapes: [Int]) {
        mW = shapes.map { [Double](repeating: 0, count: $0) }
        vW = mW
        mB = biasShapes.map { [Double](repeating: 0, count: $0) }
        vB = mB
    }

    mutating func step(
        _ w: inout [[Double]], _ b: inout [[Double]], _ gW: [[Double]], _ gB: [[Double]],
        scale: Double, learningRate: Double
    ) {
        t += 1
        let (b1, b2, eps) = (0.9, 0.999, 1e-8)
        let c1 = 1 - pow(b1, Double(t))
        let c2 = 1 - pow(b2, Double(t))
        for l in 0..<w.count {
            for k in 0..<w[l].count {
                let g = gW[l][k] * scale
                mW[l][k] = b1 * mW[l][k] + (1 - b1) * g
                vW[l][k] = b2 * vW[l][k] + (1 - b2) * g * g
                w[l][k] -= learningRate * (mW[l][k] / c1) / ((vW[l][k] / c2).squareRoot() + eps)
            }
            for k in 0..<b[l].count {
                let g = gB[l][k] * scale
                mB[l][k] = b1 * mB[l][k] + (1 - b1) * g
                vB[l][k] = b2 * vB[l][k] + (1 - b2) * g * g
                b[l][k] -= learningRate * (mB[l][k] / c1) / ((vB[l][k] / c2).squareRoot() + eps)
            }
        }
    }
}
