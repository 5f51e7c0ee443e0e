/// y = a + c * s by least squares: the scaling model for module variants too large to
/// synthesise within the time budget, in each family's natural size `s` (see
/// `ScalingFamily.size`). A fixed part plus a part per element is what these
/// modules are built from: control and shared tables, then per-element datapaths.
public struct AffineFit: Codable, Sendable, Equatable {
    public let intercept: Double
    public let slope: Double

    /// Fits (size, value) points with at least two distinct sizes.
    public init(points: [(size: Double, value: Double)]) {
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + $1.size } / n
        let my = points.reduce(0) { $0 + $1.value } / n
        let sxx = points.reduce(0) { $0 + ($1.size - mx) * ($1.size - mx) }
        let sxy = points.reduce(0) { $0 + ($1.size - mx) * ($1.value - my) }
        slope = sxx > 0 ? sxy / sxx : 0
        intercept = my - slope * mx
    }

    public func value(at size: Double) -> Double { intercept + slope * size }
}
