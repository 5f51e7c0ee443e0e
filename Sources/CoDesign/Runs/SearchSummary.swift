/// `summary.json`: what a finished (or time-limited) run found, in one file a script can read
/// without parsing the log.
package struct SearchSummary: Codable, Sendable {
    /// One pair with its figures and performance.
    package struct Pair: Codable, Sendable {
        package var name: String?
        package var sequence: Int?
        package var origin: String?
        package var pair: PairDescription?
        /// Fast-mode figures as the search saw them (nil for a reference pair).
        package var fast: PairMeasurement?
        /// Figures at the re-scoring fidelity (cycle level unless the evaluator says otherwise).
        package var rescored: PairMeasurement
        /// Performance of `rescored` on the run's scale.
        package var performance: Double
    }

    package var format = "transcode-search-summary"
    package var version = 1
    package var settings: SearchSettings
    package var scale: ObjectiveScale
    package var evaluations: Int
    package var initialSamples: Int
    /// `budget`, `patience` or `time limit`; a time-limited run is not complete and resumes.
    package var stoppedBy: String
    package var complete: Bool
    /// The best fast-mode performance found and the initial sample's median.
    package var bestPerformance: Double
    package var initialMedian: Double
    package var best: Pair
    package var baselines: [Pair]
    /// Sequence numbers of the 4-D Pareto front (listed with their figures in `pareto.csv`).
    package var paretoFront: [Int]
    package var hypervolume: Double
    package var hypervolumeReference: HypervolumeReference
    package var feasible: Int

    enum CodingKeys: String, CodingKey {
        case format, version, settings, scale, evaluations
        case initialSamples = "initial_samples"
        case stoppedBy = "stopped_by"
        case complete
        case bestPerformance = "best_performance"
        case initialMedian = "initial_median"
        case best, baselines
        case paretoFront = "pareto_front"
        case hypervolume
        case hypervolumeReference = "hypervolume_reference"
        case feasible
    }

    package init(_ o: SearchOutcome) {
        settings = o.settings
        scale = o.scale
        evaluations = o.evaluations.count
        initialSamples = o.initialSamples
        stoppedBy = o.stoppedBy
        complete = o.stoppedBy != "time limit"
        bestPerformance = o.convergence.last ?? 0
        initialMedian = o.initialMedian
        let b = o.best
        best = Pair(
            sequence: b.evaluation.sequence, origin: b.evaluation.origin, pair: PairDescription(b.evaluation.point),
            fast: b.evaluation.measurement, rescored: b.cycleLevel, performance: b.performance)
        baselines = o.baselines.map { Pair(name: $0.name, rescored: $0.measurement, performance: $0.performance) }
        paretoFront = o.pareto
        hypervolume = o.hypervolume
        hypervolumeReference = o.scale.referencePoint
        feasible = o.evaluations.filter { $0.violated == nil }.count
    }
}
