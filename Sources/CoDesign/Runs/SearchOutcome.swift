/// What a finished search found. The CLI renders it; the library never prints.
package struct SearchOutcome: Sendable {
    /// One re-simulated candidate: its record, its cycle-level figures and performance.
    package struct Rescored: Sendable {
        package let evaluation: Evaluation
        package let cycleLevel: PairMeasurement
        package let performance: Double
    }

    /// A built-in pair measured the same way, for comparison (paper Table VI).
    package struct Baseline: Sendable {
        package let name: String
        package let measurement: PairMeasurement
        package let performance: Double
    }

    package let settings: SearchSettings
    /// The declared scale every performance of the run is on.
    package let scale: ObjectiveScale
    /// Evaluations in the shared initial random sample (the first ones of the log).
    package let initialSamples: Int
    package let evaluations: [Evaluation]
    /// The best candidates by fast-mode performance, re-simulated at cycle level, best first.
    package let rescored: [Rescored]
    package let baselines: [Baseline]
    /// Sequence numbers of the non-dominated valid evaluations.
    package let pareto: [Int]
    /// The volume the front dominates in `scale.objectives` space, measured from the scale's
    /// declared reference point (`scale.referencePoint`); 1 is the whole box.
    package let hypervolume: Double
    /// Best performance so far after each evaluation.
    package let convergence: [Double]
    /// Why the run stopped: `budget`, `patience` or `time limit` (resumable).
    package let stoppedBy: String

    package var best: Rescored { rescored[0] }

    /// The median performance of the initial random sample: where the convergence plots'
    /// y axes start, so that they show the gain over random points at its true size.
    package var initialMedian: Double {
        let p = evaluations.prefix(initialSamples).map(\.performance).sorted()
        guard !p.isEmpty else { return 0 }
        return p.count % 2 == 1 ? p[p.count / 2] : (p[p.count / 2 - 1] + p[p.count / 2]) / 2
    }

    /// Evaluations after the initial sample that the run needed to reach `target`: 0 when the
    /// initial sample already did, nil when the run never did.
    package func evaluationsAfterInitialSample(toReach target: Double) -> Int? {
        convergence.firstIndex { $0 >= target - 1e-12 }.map { max($0 + 1 - initialSamples, 0) }
    }
}

/// A progress report after each batch.
package struct SearchProgress: Sendable {
    package let iteration: Int
    package let evaluations: Int
    package let budget: Int
    package let best: Double
    package let reused: Int
    /// Batches taken from the proposals log instead of being proposed again.
    package let replayedBatches: Int
    package let elapsedSeconds: Double
}
