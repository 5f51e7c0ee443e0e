/// What `SearchSession.compare` found and wrote: every strategy's run on the same budget and
/// seed, and the shared convergence files. The caller renders it; nothing here prints.
public struct SearchComparisonReport: Sendable {
    /// One strategy's result.
    public struct Row: Sendable {
        public let strategy: SearchStrategy
        /// Its own run directory (log and settings only).
        public let directory: String
        public let outcome: SearchOutcome
        /// Best performance at the end of the run.
        public let best: Double
        public let hypervolume: Double
        /// Evaluations it needed to reach random search's final best, nil if it never did.
        public let evaluationsToReachRandomBest: Int?
    }

    /// The parent directory.
    public let directory: String
    /// In `SearchStrategy.allCases` order.
    public let rows: [Row]
    /// Every strategy's best-so-far curve, as CSV (one column each) and as a line chart.
    public let convergenceCSV: String
    public let convergencePlot: String
}
