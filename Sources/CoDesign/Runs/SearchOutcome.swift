/// What a finished search found. The CLI renders it; the library never prints.
public struct SearchOutcome: Sendable {
    /// One re-simulated candidate: its record, its cycle-level figures and performance.
    public struct Rescored: Sendable {
        public let evaluation: Evaluation
        public let cycleLevel: PairMeasurement
        public let performance: Double
    }

    /// A built-in pair measured the same way, for comparison (paper Table VI).
    public struct Baseline: Sendable {
        public let name: String
        public let measurement: PairMeasurement
        public let performance: Double
    }

    public let settings: SearchSettings
    public let normalizers: Normalizers
    public let evaluations: [Evaluation]
    /// The best candidates by fast-mode performance, re-simulated at cycle level, best first.
    public let rescored: [Rescored]
    public let baselines: [Baseline]
    /// Sequence numbers of the non-dominated valid evaluations.
    public let pareto: [Int]
    public let hypervolume: Double
    /// Best performance so far after each evaluation.
    public let convergence: [Double]
    /// Why the run stopped: `budget` or `patience`.
    public let stoppedBy: String

    public var best: Rescored { rescored[0] }
}

/// A progress report after each batch.
public struct SearchProgress: Sendable {
    public let iteration: Int
    public let evaluations: Int
    public let budget: Int
    public let best: Double
    public let reused: Int
    public let elapsedSeconds: Double
}
