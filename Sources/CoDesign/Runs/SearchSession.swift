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
    ///
    /// With a `timeLimit`, the run stops after the batch running when it expires, writes its
    /// files for what it has, and reports `stoppedBy` "time limit"; resuming continues it.
    package static func run(
        _ settings: SearchSettings, evaluator: Evaluator, in directory: String, resume: Bool, timeLimit: Duration? = nil,
        progress: @Sendable (SearchProgress) -> Void = { _ in }
    ) throws -> SearchRunReport {
        let deadline = timeLimit.map { ContinuousClock.now + $0 }
        let outcome = try SearchRun(settings: settings, evaluator: evaluator).run(
            directory: directory, resume: resume, deadline: deadline, progress: progress)
        try requireFeasible(outcome, in: directory)
        let report = SearchRunReport(directory: directory, outcome: outcome)
        try writeFiles(of: report)
        return report
    }

    /// Runs every strategy on the same settings, each in `directory/<strategy>` with all the
    /// files of a single run, and writes their convergence curves side by side in `directory`.
    ///
    /// With `resume`, a strategy whose directory already holds a log continues it (taking its
    /// batches from its proposals log) and the others start. With a `timeLimit` shared by all
    /// strategies, the running strategy stops after its batch and the ones after it are left
    /// for a resume (`SearchComparisonReport.pending`). `starting` is called before each
    /// strategy's run.
    package static func compare(
        _ settings: SearchSettings, evaluator: Evaluator, in directory: String, resume: Bool, timeLimit: Duration? = nil,
        starting: @Sendable (SearchStrategy) -> Void = { _ in }, progress: @Sendable (SearchProgress) -> Void = { _ in }
    ) throws -> SearchComparisonReport {
        let deadline = timeLimit.map { ContinuousClock.now + $0 }
        try claimComparison(settings, in: directory, resume: resume)
        var runs: [SearchRunReport] = []
        var pending: [SearchStrategy] = []
        for strategy in SearchStrategy.allCases {
            if let deadline, ContinuousClock.now >= deadline {
                pending.append(strategy)
                continue
            }
            var each = settings
            each.strategy = strategy
            each.earlierBudgets = nil
            starting(strategy)
            let dir = "\(directory)/\(strategy.rawValue)"
            let resuming = resume && FileManager.default.fileExists(atPath: RunDirectory.logPath(dir))
            if resuming {
                // Each strategy's run continues with its own stored settings, extended when
                // the comparison was.
                let stored = try RunDirectory.readHeader(dir).settings
                each = settings.budget > stored.budget ? try stored.extended(to: settings.budget) : stored
            }
            let outcome = try SearchRun(settings: each, evaluator: evaluator).run(
                directory: dir, resume: resuming, deadline: deadline, progress: progress)
            runs.append(SearchRunReport(directory: dir, outcome: outcome))
        }
        let randomRun = runs.first { $0.outcome.settings.strategy == .random }?.outcome
        let randomBest = randomRun?.stoppedBy == "time limit" ? nil : randomRun?.convergence.last
        let rows = runs.map { run in
            SearchComparisonReport.Row(
                strategy: run.outcome.settings.strategy, report: run, best: run.outcome.convergence.last ?? 0,
                hypervolume: run.outcome.hypervolume,
                evaluationsToReachRandomBest: randomBest.flatMap { run.outcome.evaluationsAfterInitialSample(toReach: $0) })
        }
        let report = SearchComparisonReport(
            directory: directory, rows: rows, pending: pending, randomBestKnown: randomBest != nil,
            convergenceCSV: "\(directory)/convergence.csv", convergencePlot: "\(directory)/convergence.svg")
        if !rows.isEmpty { try writeFiles(of: report) }
        for row in rows where row.report.outcome.evaluations.contains(where: { $0.violated == nil }) {
            try writeFiles(of: row.report)
        }
        for row in rows { try requireFeasible(row.report.outcome, in: row.report.directory) }
        return report
    }

    static func comparisonPath(_ dir: String) -> String { "\(dir)/comparison.json" }

    /// The settings the comparison in `directory` was started with (its `comparison.json`).
    package static func storedComparisonSettings(in directory: String) throws -> SearchSettings {
        guard let data = FileManager.default.contents(atPath: comparisonPath(directory)) else {
            throw CoDesignError.unreadableRun(
                path: directory, reason: "no comparison.json (is it a single run? resume it without --compare)")
        }
        do { return try JSONDecoder().decode(SearchSettings.self, from: data) } catch {
            throw CoDesignError.unreadableRun(path: directory, reason: "comparison.json is not a comparison's settings")
        }
    }

    /// A new comparison claims `directory` by creating `comparison.json` exclusively; a
    /// resumed one checks the settings against it (or records an extension to a larger
    /// budget). The strategy in the file is not used: each strategy's run has its own.
    static func claimComparison(_ settings: SearchSettings, in directory: String, resume: Bool) throws {
        var shared = settings
        shared.strategy = .random
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if resume {
            var stored = try storedComparisonSettings(in: directory)
            stored.strategy = .random
            guard stored != shared else { return }
            if shared.budget > stored.budget, try stored.extended(to: shared.budget) == shared {
                try encoder.encode(shared).write(to: URL(fileURLWithPath: comparisonPath(directory)), options: .atomic)
                return
            }
            try SearchRun.checkSame(stored, shared)
            return
        }
        try RunDirectory.makeDirectory(directory)
        let fd = open(comparisonPath(directory), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw CoDesignError.runExists(path: directory) }
            throw CoDesignError.unusableRunDirectory(
                path: directory, reason: "cannot create comparison.json: \(String(cString: strerror(errno)))")
        }
        let file = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try file.write(contentsOf: encoder.encode(shared))
        try file.close()
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
