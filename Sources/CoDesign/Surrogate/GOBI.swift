import DesignSpace
import Foundation

/// Gradient-based optimisation of the input (GOBI, paper Section III-C) with the surrogate's
/// weights frozen, by AdaHessian ascent: the step divides Adam's first moment by a running
/// root mean square of the Hessian's diagonal, which Hutchinson's estimator gives from one
/// Hessian-vector product with a random sign vector; that product is the change of the
/// gradient along the vector, measured by a finite difference. After every step the point is
/// projected back into [0, 1] and into a trust region around its start (the space's
/// encodings live in that box; dimensions the search mode fixes never move). A run stops
/// when the acquisition has changed by less than the tolerance for several steps in a row.
enum GOBI {
    struct Run: Sendable {
        var point: [Double]
        /// The acquisition at the start and at the returned point.
        var start: Double
        var end: Double
        var steps: Int
    }

    static func optimise(
        _ surrogate: BOSHCODESurrogate, start: [Double], fixed: Set<Int>, weights: AcquisitionWeights, seed: UInt64
    ) -> Run {
        let c = surrogate.config
        var rng = SeededGenerator(seed: seed)
        let d = start.count
        let low = start.map { max($0 - c.trustRadius, 0) }
        let high = start.map { min($0 + c.trustRadius, 1) }
        var x = start
        var m = [Double](repeating: 0, count: d)
        var v = [Double](repeating: 0, count: d)
        var (value, g) = surrogate.acquisition(x, weights: weights)
        let initial = value
        var best = (x, value)
        var stable = 0
        var steps = 0
        let h = 1e-4
        for t in 1...max(c.gobiSteps, 1) {
            steps = t
            // Hutchinson: E[z * (H z)] is the Hessian's diagonal for random signs z.
            let z = (0..<d).map { i in fixed.contains(i) ? 0.0 : (rng.nextUnit() < 0.5 ? -1.0 : 1.0) }
            let shifted = surrogate.acquisition(zip(x, z).map { $0 + h * $1 }, weights: weights).gradient
            let c1 = 1 - pow(0.9, Double(t))
            let c2 = 1 - pow(0.999, Double(t))
            for i in 0..<d where !fixed.contains(i) {
                let diagonal = abs(z[i] * (shifted[i] - g[i]) / h)
                m[i] = 0.9 * m[i] + 0.1 * g[i]
                v[i] = 0.999 * v[i] + 0.001 * diagonal * diagonal
                let step = c.gobiLearningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-4)
                x[i] = min(max(x[i] + step, low[i]), high[i])
            }
            let previous = value
            (value, g) = surrogate.acquisition(x, weights: weights)
            if value > best.1 { best = (x, value) }
            stable = abs(value - previous) < c.gobiTolerance ? stable + 1 : 0
            if stable >= c.gobiStableSteps { break }
        }
        return Run(point: best.0, start: initial, end: best.1, steps: steps)
    }
}
