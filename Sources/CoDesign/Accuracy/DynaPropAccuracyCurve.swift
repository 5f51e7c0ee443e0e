import Foundation

/// How the DynaProp thresholds change accuracy, as additive GLUE-score deltas interpolated
/// linearly in tau. The shipped file (data/dynaprop-accuracy.json) follows the paper's
/// Figs. 7-9; users replace it with their own measurements.
package struct DynaPropAccuracyCurve: Sendable, Equatable {
    package let tauI: [(tau: Double, delta: Double)]
    package let tauT: [(tau: Double, delta: Double)]

    package static func == (a: Self, b: Self) -> Bool {
        a.tauI.elementsEqual(b.tauI, by: { $0 == $1 }) && a.tauT.elementsEqual(b.tauT, by: { $0 == $1 })
    }

    package init(tauI: [(Double, Double)], tauT: [(Double, Double)]) {
        self.tauI = tauI.map { (tau: $0.0, delta: $0.1) }
        self.tauT = tauT.map { (tau: $0.0, delta: $0.1) }
    }

    package static func load(path: String) throws -> DynaPropAccuracyCurve {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw CoDesignError.unreadableData(path: path, reason: "expected a JSON object with keys tau_i and tau_t")
        }
        func points(_ key: String) throws -> [(Double, Double)] {
            guard let raw = object[key] as? [[NSNumber]], raw.count >= 2, raw.allSatisfy({ $0.count == 2 }) else {
                throw CoDesignError.unreadableData(path: path, reason: "'\(key)' must be a list of at least two [tau, delta] pairs")
            }
            let p = raw.map { ($0[0].doubleValue, $0[1].doubleValue) }
            for (a, b) in zip(p, p.dropFirst()) where b.0 <= a.0 {
                throw CoDesignError.unreadableData(path: path, reason: "'\(key)' tau values must increase")
            }
            return p
        }
        return DynaPropAccuracyCurve(tauI: try points("tau_i"), tauT: try points("tau_t"))
    }

    /// The accuracy change at (tau_I, tau_T); taus beyond a curve's last point take its last delta.
    package func delta(tauI: Double, tauT: Double) -> Double {
        Self.interpolate(self.tauI, tauI) + Self.interpolate(self.tauT, tauT)
    }

    static func interpolate(_ p: [(tau: Double, delta: Double)], _ x: Double) -> Double {
        if x <= p[0].tau { return p[0].delta }
        for (a, b) in zip(p, p.dropFirst()) where x <= b.tau {
            return a.delta + (x - a.tau) / (b.tau - a.tau) * (b.delta - a.delta)
        }
        return p.last!.delta
    }
}
