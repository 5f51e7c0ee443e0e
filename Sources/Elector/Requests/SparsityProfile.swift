import Foundation
import StructuredInput

/// (tau -> rho) curves for the three matrix kinds DynaProp prunes (paper Section III-A).
///
/// The default profile is a Laplace magnitude model anchored at the paper's operating point
/// (Section V-A): 50% weight and activation sparsity at tau_I = 0.01, and 90% gradient
/// sparsity at tau_T = 1e-4. Users replace it with measured curves:
/// `{"weight": [[tau, rho], ...], "activation": [...], "gradient": [...]}`.
package struct SparsityProfile: Sendable, Equatable {
    package var weight: SparsityCurve
    package var activation: SparsityCurve
    package var gradient: SparsityCurve

    package init(weight: SparsityCurve, activation: SparsityCurve, gradient: SparsityCurve) {
        self.weight = weight
        self.activation = activation
        self.gradient = gradient
    }

    /// The paper's operating point, as described above.
    package static let paperDefault = SparsityProfile(
        weight: .anchored(tau: 0.01, rho: 0.5), activation: .anchored(tau: 0.01, rho: 0.5),
        gradient: .anchored(tau: 1e-4, rho: 0.9))

    /// Reads a measured profile file.
    package static func load(path: String) throws -> SparsityProfile {
        let parsed: Any
        do {
            parsed = try JSONText.object(try InputFile.read(path), source: path)
        } catch {
            throw ElectorError.badProfile(path: path, reason: error.reason)
        }
        guard let object = parsed as? [String: Any] else {
            throw ElectorError.badProfile(path: path, reason: "expected a JSON object with keys weight, activation, gradient")
        }
        for key in object.keys.sorted() where !["weight", "activation", "gradient"].contains(key) {
            throw ElectorError.badProfile(path: path, reason: "unknown key '\(key)': use weight, activation, gradient")
        }
        func curve(_ key: String) throws -> SparsityCurve {
            guard let raw = object[key] as? [[NSNumber]], raw.count >= 2, raw.allSatisfy({ $0.count == 2 }) else {
                throw ElectorError.badProfile(path: path, reason: "'\(key)' must be a list of at least two [tau, rho] pairs")
            }
            let points = raw.map { SparsityCurve.MeasuredPoint(tau: $0[0].doubleValue, rho: $0[1].doubleValue) }
            for (a, b) in zip(points, points.dropFirst()) where b.tau <= a.tau {
                throw ElectorError.badProfile(path: path, reason: "'\(key)' tau values must increase")
            }
            for p in points where !(0...1).contains(p.rho) {
                throw ElectorError.badProfile(path: path, reason: "'\(key)' rho \(p.rho) is outside 0 to 1")
            }
            return .measured(points)
        }
        return SparsityProfile(weight: try curve("weight"), activation: try curve("activation"), gradient: try curve("gradient"))
    }
}
