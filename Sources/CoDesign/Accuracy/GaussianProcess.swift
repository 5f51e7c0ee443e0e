import Foundation

/// Gaussian-process regression with a squared-exponential kernel: the GP-BO baseline's
/// surrogate and the default GLUE-score predictor.
struct GaussianProcess: Sendable {
    let inputs: [[Double]]
    let lengthScale: Double
    let noise: Double
    let mean: Double
    let scale: Double
    private let cholesky: [Double]
    private let alpha: [Double]

    /// Fits on standardised targets; `noise` is relative to the target variance.
    init(inputs: [[Double]], targets: [Double], lengthScale: Double, noise: Double) {
        self.inputs = inputs
        self.lengthScale = lengthScale
        self.noise = noise
        let n = targets.count
        let mu = targets.reduce(0, +) / Double(max(n, 1))
        let variance = targets.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / Double(max(n, 1))
        let sd = max(variance.squareRoot(), 1e-9)
        mean = mu
        scale = sd
        let y = targets.map { ($0 - mu) / sd }
        var k = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                let v = Self.kernel(inputs[i], inputs[j], lengthScale) + (i == j ? noise + 1e-9 : 0)
                k[i * n + j] = v
                k[j * n + i] = v
            }
        }
        let factor = Self.choleskyFactor(k, n)
        cholesky = factor
        alpha = Self.solve(factor, n, y)
    }

    static func kernel(_ a: [Double], _ b: [Double], _ l: Double) -> Double {
        var d = 0.0
        for i in 0..<a.count {
            let t = a[i] - b[i]
            d += t * t
        }
        return exp(-d / (2 * l * l))
    }

    /// Posterior mean and standard deviation in target units.
    func predict(_ x: [Double]) -> (mean: Double, std: Double) {
        let n = inputs.count
        let ks = inputs.map { Self.kernel($0, x, lengthScale) }
        var mu = 0.0
        for i in 0..<n { mu += ks[i] * alpha[i] }
        let v = Self.forwardSubstitute(cholesky, n, ks)
        let variance = max(1 - v.reduce(0) { $0 + $1 * $1 }, 1e-12)
        return (mean + scale * mu, scale * variance.squareRoot())
    }

    /// Log marginal likelihood of the standardised targets (for choosing hyperparameters).
    func logMarginalLikelihood(targets: [Double]) -> Double {
        let n = targets.count
        let y = targets.map { ($0 - mean) / scale }
        var fit = 0.0
        for i in 0..<n { fit += y[i] * alpha[i] }
        var logDet = 0.0
        for i in 0..<n { logDet += log(cholesky[i * n + i]) }
        return -0.5 * fit - logDet - 0.5 * Double(n) * log(2 * Double.pi)
    }

    static func choleskyFactor(_ a: [Double], _ n: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = i == j ? max(sum, 1e-12).squareRoot() : sum / l[j * n + j]
            }
        }
        return l
    }

    static func forwardSubstitute(_ l: [Double], _ n: Int, _ b: [Double]) -> [Double] {
        var x = b
        for i in 0..<n {
            var sum = x[i]
            for k in 0..<i { sum -= l[i * n + k] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }

    static func solve(_ l: [Double], _ n: Int, _ b: [Double]) -> [Double] {
        var x = forwardSubstitute(l, n, b)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<max(n, i + 1) { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
