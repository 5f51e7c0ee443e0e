import HardwareModules

/// y = c1 * f1 + c2 * f2 by least squares: the scaling model for module variants too large to
/// synthesise within the time budget, in the two regressors each family declares
/// (`ScalingFamily.regressors`). Most families are affine in one natural size (f1 = 1: a
/// fixed part for control and shared tables, then a part per element); the sparsity modules
/// have no fixed part but a per-element part and a compaction network that grows with the
/// square of the width.
package struct ScalingFit: Codable, Sendable, Equatable {
    package let coefficients: [Double]

    /// Fits (regressors, value) points whose regressor vectors span both directions; with
    /// fewer, the first coefficient takes the mean and the second is zero.
    package init(points: [(regressors: ScalingFamily.Regressors, value: Double)]) {
        // Normal equations of the 2 x 2 least-squares problem.
        var a11 = 0.0
        var a12 = 0.0
        var a22 = 0.0
        var b1 = 0.0
        var b2 = 0.0
        for p in points {
            let (f1, f2) = (p.regressors.first, p.regressors.second)
            a11 += f1 * f1
            a12 += f1 * f2
            a22 += f2 * f2
            b1 += f1 * p.value
            b2 += f2 * p.value
        }
        let det = a11 * a22 - a12 * a12
        // Relative test: the regressors differ in scale by orders of magnitude (1 against s^2).
        if abs(det) > 1e-12 * max(a11 * a22, .leastNormalMagnitude) {
            coefficients = [(b1 * a22 - b2 * a12) / det, (a11 * b2 - a12 * b1) / det]
        } else {
            coefficients = [a11 > 0 ? b1 / a11 : 0, 0]
        }
    }

    /// The fitted value at the given regressors.
    package func value(at r: ScalingFamily.Regressors) -> Double { coefficients[0] * r.first + coefficients[1] * r.second }
}
