/// What `SearchSession.compare` found and wrote: every strategy's run on the same budget and
/// seed, and the shared convergence files. The caller renders it; nothing here prints.
package struct SearchComparisonReport: Sendable {
    /// One strategy's result.
    package struct Row: Sendable {
        package let strategy: SearchStrategy
        /// Its own run directory and every file a single run writes there.
        package let report: SearchRunReport
        /// Best performance at the end of the run.
        package let best: Double
        package let hypervolume: Double
        /// Evaluations after the shared initial sample it needed to reach random search's
        /// final best (0: the initial sample already held it), nil if it never did.
        package let evaluationsToReachRandomBest: Int?

        package var directory: String { report.directory }
        package var outcome: SearchOutcome { report.outcome }
    }

    /// The parent directory.
    package let directory: String
    /// In `SearchStrategy.allCases` order: the strategies that ran (completely or until the
    /// time limit).
    package let rows: [Row]
    /// Strategies not started because the time limit had passed; a resume runs them.
    package let pending: [SearchStrategy]
    /// Whether random search finished its budget, so that its best is a target to reach.
    package let randomBestKnown: Bool
    /// Every strategy's best-so-far curve, as CSV (one column each) and as a line chart.
    package let convergenceCSV: String
    package let convergencePlot: String

    /// Whether every strategy ran to its end (none stopped by the time limit or pending).
    package var complete: Bool { pending.isEmpty && rows.allSatisfy { $0.outcome.stoppedBy != "time limit" } }
}
