import Foundation

/// How a pair's raw figures become the objective's terms in [0, 1], with declared reference
/// values (from `data/objective-scale.json`), so that every seed and every run is scored on
/// the same scale (issue 15). Stored in each run's `run.json`.
package struct ObjectiveScale: Codable, Sendable, Equatable {
    /// The two ways of placing a figure on [0, 1].
    package enum Kind: String, Codable, Sendable, CaseIterable {
        /// The paper's normalisation (Section III-C): each cost divided by a declared maximum;
        /// accuracy as it is.
        case fixedMax = "fixed-max"
        /// Each cost's logarithm placed between declared bounds, and accuracy linearly between
        /// declared bounds, so that no term saturates although latency spans four decades.
        case log

        /// The kind a run uses unless told otherwise: the one that ranks designs more like
        /// the Pareto order (measured by `transcode objective-scale`; see `ScaleRanking`).
        package static let defaultKind = Kind.log
    }

    /// Declared lower and upper reference values of one figure.
    package struct Bounds: Codable, Sendable, Equatable {
        package var lower: Double
        package var upper: Double

        package init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }
    }

    /// Declared reference values of every figure the objective and the hypervolume use.
    package struct References: Codable, Sendable, Equatable {
        package var latencyMS: Bounds
        package var areaMM2: Bounds
        package var dynamicEnergyJ: Bounds
        package var leakageEnergyJ: Bounds
        /// Dynamic plus leakage energy: the hypervolume's energy axis.
        package var energyJ: Bounds
        package var accuracy: Bounds

        enum CodingKeys: String, CodingKey {
            case latencyMS = "latency_ms"
            case areaMM2 = "area_mm2"
            case dynamicEnergyJ = "dynamic_energy_j"
            case leakageEnergyJ = "leakage_energy_j"
            case energyJ = "energy_j"
            case accuracy
        }
    }

    package var kind: Kind
    package var references: References
    /// Where the references come from: the data file, its version and the sample it froze.
    package var source: String

    package init(kind: Kind, references: References, source: String) {
        self.kind = kind
        self.references = references
        self.source = source
    }

    /// A cost figure on [0, 1]: 0 at or below the lower reference (log) or at zero (fixed-max),
    /// 1 at or above the upper reference.
    package func cost(_ value: Double, _ bounds: Bounds) -> Double {
        let t: Double
        switch kind {
        case .fixedMax:
            t = value / bounds.upper
        case .log:
            let (lo, hi) = (Foundation.log(bounds.lower), Foundation.log(bounds.upper))
            t = value > 0 ? (Foundation.log(value) - lo) / max(hi - lo, 1e-12) : 0
        }
        return min(max(t, 0), 1)
    }

    /// Accuracy on [0, 1], higher is better.
    package func accuracyTerm(_ accuracy: Double) -> Double {
        let a = references.accuracy
        let t = kind == .fixedMax ? accuracy : (accuracy - a.lower) / max(a.upper - a.lower, 1e-12)
        return min(max(t, 0), 1)
    }

    /// The weighted performance of `m` (the paper's P, Section III-C) on this scale.
    package func performance(_ m: PairMeasurement, objective: Objective) -> Double {
        let r = references
        return objective.performance(
            latency: cost(m.latencyMS, r.latencyMS), area: cost(m.areaMM2, r.areaMM2),
            dynamicEnergy: cost(m.dynamicEnergyJ, r.dynamicEnergyJ), leakageEnergy: cost(m.leakageEnergyJ, r.leakageEnergyJ),
            accuracy: accuracyTerm(m.accuracy))
    }

    /// The four "higher is better" objectives of the Pareto front and the hypervolume:
    /// accuracy, and 1 - the latency, area and energy terms. The origin of this space is the
    /// hypervolume's reference point (`referencePoint`).
    package func objectives(_ m: PairMeasurement) -> [Double] {
        let r = references
        return [
            accuracyTerm(m.accuracy), 1 - cost(m.latencyMS, r.latencyMS), 1 - cost(m.areaMM2, r.areaMM2),
            1 - cost(m.energyJ, r.energyJ),
        ]
    }

    /// The hypervolume's reference point in raw figures: the worst accuracy and the largest
    /// latency, area and energy that still count (the origin of `objectives`).
    package var referencePoint: HypervolumeReference {
        HypervolumeReference(
            accuracy: kind == .fixedMax ? 0 : references.accuracy.lower, latencyMS: references.latencyMS.upper,
            areaMM2: references.areaMM2.upper, energyJ: references.energyJ.upper)
    }
}
