import Foundation

/// The fraction of values (rho) that magnitude pruning at threshold tau removes.
package enum SparsityCurve: Sendable, Equatable {
    /// |x| Laplace-distributed with this scale: rho = 1 - exp(-tau / scale).
    case laplace(scale: Double)
    /// Measured (tau, rho) points, increasing in tau; linear interpolation between them.
    case measured([MeasuredPoint])

    /// One measured point.
    package struct MeasuredPoint: Sendable, Equatable, Codable {
        package let tau: Double
        package let rho: Double
        package init(tau: Double, rho: Double) {
            self.tau = tau
            self.rho = rho
        }
    }

    /// A Laplace curve through (tau, rho).
    package static func anchored(tau: Double, rho: Double) -> SparsityCurve {
        .laplace(scale: -tau / log(1 - rho))
    }

    /// rho at `tau`; throws if tau lies outside a measured curve.
    package func sparsity(at tau: Double, kind: String) throws -> Double {
        switch self {
        case .laplace(let scale):
            guard tau.isFinite && tau >= 0 else {
                throw ElectorError.invalidSetting(name: "\(kind) threshold", value: "\(tau)", allowed: "a finite number >= 0")
            }
            return 1 - exp(-tau / scale)
        case .measured(let points):
            let low = points.first!.tau
            let high = points.last!.tau
            guard tau >= low && tau <= high else {
                throw ElectorError.tauOutsideCurve(kind: kind, tau: tau, low: low, high: high)
            }
            for (a, b) in zip(points, points.dropFirst()) where tau <= b.tau {
                let t = b.tau == a.tau ? 0 : (tau - a.tau) / (b.tau - a.tau)
                return a.rho + t * (b.rho - a.rho)
            }
            return points.last!.rho
        }
    }
}
