/// y = a + c * s by least squares: the scaling model for module variants too large to
/// synthesise within the time budget, in each family's natural size `s` (see
/// `ScalingFamily.size`). A fixed part plus a part per element is what these
/// modules are built from: control and shared tables, then per-element datapaths.
package struct AffineFit: Codable, Sendable, Equatable {
    package let intercept: Double
    package let slope: Double

    /// Fits (size, value) points with at least two distinct sizes.
    package init(points: [(size: Double, value: Double)]) {
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + $1.size } / n
        let my = points.reduce(0) { $0 + $1.value } / n
        let sxx = points.reduce(0) { $0 + ($1.size - mx) * ($1.size - mx) }
        let sxy = points.reduce(0) { $0 + ($1.size - mx) * ($1.value - my) }
        slope = sxx > 0 ? sxy / sxx : 0
        intercept = my - slope * mx
    }

    package func value(at size: Double) -> Double { intercept + slope * size }
}
