/// What `SearchSession.compare` found and wrote: every strategy's run on the same budget and
/// seed, and the shared convergence files. The caller renders it; nothing here prints.
package struct SearchComparisonReport: Sendable {
    /// One strategy's result.
    package struct Row: Sendable {
        package let strategy: SearchStrategy
        /// Its own run directory (log and settings only).
        package let directory: String
        package let outcome: SearchOutcome
        /// Best performance at the end of the run.
        package let best: Double
        package let hypervolume: Double
        /// Evaluations it needed to reach random search's final best, nil if it never did.
        package let evaluationsToReachRandomBest: Int?
    }

    /// The parent directory.
    package let directory: String
    /// In `SearchStrategy.allCases` order.
    package let rows: [Row]
    /// Every strategy's best-so-far curve, as CSV (one column each) and as a line chart.
    package let convergenceCSV: String
    package let convergencePlot: String
}
