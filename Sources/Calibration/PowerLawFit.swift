import Foundation

/// y = a * s^k, fitted by least squares on log y against log s: the scaling model for
/// module variants too large to synthesise within the time budget. A power law covers the
/// shapes these modules have (linear in the row width for softmax and layer-norm,
/// quadratic in the tile side for DynaProp) without choosing one per module.
public struct PowerLawFit: Codable, Sendable, Equatable {
    public let coefficient: Double
    public let exponent: Double

    /// Fits (size, value) points; values must be positive, sizes distinct.
    public init(points: [(size: Double, value: Double)]) {
        let logs = points.map { (log($0.size), log(max($0.value, 1e-30))) }
        let n = Double(logs.count)
        let mx = logs.reduce(0) { $0 + $1.0 } / n
        let my = logs.reduce(0) { $0 + $1.1 } / n
        let sxx = logs.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        let sxy = logs.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        exponent = sxx > 0 ? sxy / sxx : 1
        coefficient = exp(my - exponent * mx)
    }

    public func value(at size: Double) -> Double { coefficient * pow(size, exponent) }
}
