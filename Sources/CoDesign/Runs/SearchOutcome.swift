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
    package let normalizers: Normalizers
    package let evaluations: [Evaluation]
    /// The best candidates by fast-mode performance, re-simulated at cycle level, best first.
    package let rescored: [Rescored]
    package let baselines: [Baseline]
    /// Sequence numbers of the non-dominated valid evaluations.
    package let pareto: [Int]
    package let hypervolume: Double
    /// Best performance so far after each evaluation.
    package let convergence: [Double]
    /// Why the run stopped: `budget` or `patience`.
    package let stoppedBy: String

    package var best: Rescored { rescored[0] }
}

/// A progress report after each batch.
package struct SearchProgress: Sendable {
    package let iteration: Int
    package let evaluations: Int
    package let budget: Int
    package let best: Double
    package let reused: Int
    package let elapsedSeconds: Double
}
