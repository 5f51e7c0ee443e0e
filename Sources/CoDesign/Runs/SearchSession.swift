import Foundation

/// The whole search job as library calls: the run directory (`run.json`, `evaluations.jsonl`,
/// the best pair's files, CSVs and plots) and the comparison of every strategy. Each call
/// returns a typed report and never prints; progress goes to the caller's closures.
package enum SearchSession {
    /// The settings the run in `directory` was started with, read from its `run.json`.
    package static func storedSettings(in directory: String) throws -> SearchSettings {
        try RunDirectory.readHeader(directory).settings
    }

    /// Runs one search in `directory` (or continues the one there when `resume` is true, with
    /// the settings it was started with, or those settings `extended(to:)` a larger budget) and
    /// writes the run directory's files. Throws `noFeasiblePair`, keeping the log, when no
    /// evaluation satisfies the constraints.
    package static func run(
        _ settings: SearchSettings, evaluator: Evaluator, in directory: String, resume: Bool,
        progress: @Sendable (SearchProgress) -> Void = { _ in }
    ) throws -> SearchRunReport {
        let outcome = try SearchRun(settings: settings, evaluator: evaluator).run(directory: directory, resume: resume, progress: progress)
        try requireFeasible(outcome, in: directory)
        let report = SearchRunReport(directory: directory, outcome: outcome)
        try writeFiles(of: report)
        return report
    }

    /// Runs every strategy on the same settings, each in `directory/<strategy>`, and writes
    /// their convergence curves side by side in `directory`.
    ///
    /// With `resume`, a strategy whose directory already holds a log continues it; the others
    /// start afresh. `starting` is called before each strategy's run.
    package static func compare(
        _ settings: SearchSettings, evaluator: Evaluator, in directory: String, resume: Bool,
        starting: @Sendable (SearchStrategy) -> Void = { _ in }, progress: @Sendable (SearchProgress) -> Void = { _ in }
    ) throws -> SearchComparisonReport {
        var runs: [(SearchStrategy, String, SearchOutcome)] = []
        for strategy in SearchStrategy.allCases {
            var each = settings
            each.strategy = strategy
            starting(strategy)
            let dir = "\(directory)/\(strategy.rawValue)"
            let resuming = resume && FileManager.default.fileExists(atPath: RunDirectory.logPath(dir))
            runs.append(
                (
                    strategy, dir,
                    try SearchRun(settings: each, evaluator: evaluator).run(directory: dir, resume: resuming, progress: progress)
                ))
        }
        let randomBest = runs.first { $0.0 == .random }?.2.convergence.last ?? .infinity
        let rows = runs.map { strategy, dir, outcome in
            SearchComparisonReport.Row(
                strategy: strategy, directory: dir, outcome: outcome, best: outcome.convergence.last ?? 0,
                hypervolume: outcome.hypervolume,
                evaluationsToReachRandomBest: outcome.convergence.firstIndex { $0 >= randomBest - 1e-12 }.map { $0 + 1 })
        }
        let report = SearchComparisonReport(
            directory: directory, rows: rows, convergenceCSV: "\(directory)/convergence.csv",
            convergencePlot: "\(directory)/convergence.svg")
        try writeFiles(of: report)
        for row in rows { try requireFeasible(row.outcome, in: row.directory) }
        return report
    }

    /// A run none of whose evaluations satisfies the constraints has no best pair to report:
    /// its "best" would be a violator at the penalty performance. Its log stays for a resume.
    static func requireFeasible(_ outcome: SearchOutcome, in directory: String) throws {
        guard !outcome.evaluations.contains(where: { $0.violated == nil }) else { return }
        throw CoDesignError.noFeasiblePair(
            path: directory, constraints: outcome.settings.constraints.map(\.description).joined(separator: ", "),
            evaluations: outcome.evaluations.count)
    }
}
