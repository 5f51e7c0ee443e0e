import DesignSpace
import Foundation

/// Gradient-based optimisation of the acquisition with respect to the input, with the
/// surrogate's weights frozen (GOBI, paper Section IV-C): Adam steps in [0, 1]^D from several
/// starts; dimensions the search mode fixes receive no gradient. Each run stays within a
/// trust region around its start, because a network extrapolates badly far from its data
/// and unbounded ascent ends in the corners of the space.
enum GOBI {
    static func optimise(
        _ surrogate: BOSHCODESurrogate, starts: [[Double]], fixed: Set<Int>, steps: Int = 60,
        learningRate: Double = 0.02, k1: Double = 0.5, k2: Double = 0.5, radius: Double = 0.2
    ) -> [(point: [Double], start: Double, end: Double)] {
        starts.map { start in
            var x = start
            let d = x.count
            var m = [Double](repeating: 0, count: d)
            var v = [Double](repeating: 0, count: d)
            let initial = surrogate.ucb(x, k1: k1, k2: k2).value
            var best = (x, initial)
            for t in 1...steps {
                let (value, g) = surrogate.ucb(x, k1: k1, k2: k2)
                if value > best.1 { best = (x, value) }
                for i in 0..<d where !fixed.contains(i) {
                    // Ascent on the acquisition.
                    m[i] = 0.9 * m[i] + 0.1 * g[i]
                    v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]
                    let mh = m[i] / (1 - pow(0.9, Double(t)))
                    let vh = v[i] / (1 - pow(0.999, Double(t)))
                    let low = max(start[i] - radius, 0)
                    let high = min(start[i] + radius, 1)
                    x[i] = min(max(x[i] + learningRate * mh / (vh.squareRoot() + 1e-8), low), high)
                }
            }
            let final = surrogate.ucb(x, k1: k1, k2: k2).value
            if final > best.1 { best = (x, final) }
            return (best.0, initial, best.1)
        }
    }
}
