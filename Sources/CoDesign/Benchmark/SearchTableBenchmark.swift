import Dispatch

/// `transcode benchmark search`: every contender on every seed of a `SearchTable`, with the
/// same initial sample per seed, and the statistics that say whether one beats another.
package enum SearchTableBenchmark {
    /// The benchmark's shape.
    package struct Settings: Sendable, Equatable {
        package var seeds: [UInt64]
        package var budget: Int
        package var batchSize: Int
        package var initialSamples: Int
        /// Evaluation counts the summary reports at (each at least the initial sample).
        package var checkpoints: [Int]

        /// Checkpoints at a quarter, half, three quarters and all of the budget (none before
        /// the initial sample ends); the initial sample is a quarter, as in `transcode search`.
        package init(seeds: [UInt64], budget: Int, batchSize: Int = 8, initialSamples: Int? = nil, checkpoints: [Int]? = nil) {
            self.seeds = seeds
            self.budget = budget
            self.batchSize = batchSize
            let initial = initialSamples ?? max(8, budget / 4)
            self.initialSamples = initial
            self.checkpoints =
                checkpoints
                ?? Array(Set([budget / 4, budget / 2, 3 * budget / 4, budget].map { min(max($0, min(initial, budget)), budget) })).sorted()
        }
    }

    /// One contender's figures over the seeds.
    package struct Row: Sendable {
        package let name: String
        /// At each checkpoint: the best performance and the hypervolume, over seeds.
        package let best: [Quartiles]
        package let hypervolume: [Quartiles]
        /// Final best performance per seed (in `Settings.seeds` order).
        package let finalBest: [Double]
        /// Per seed, evaluations after the shared initial sample until the best performance
        /// reached random search's final best of that seed (0: the initial sample held it),
        /// nil if it never did.
        package let evaluationsToRandomBest: [Int?]
        /// Median of `evaluationsToRandomBest` over the seeds that reached it.
        package var medianToRandomBest: Double? { Quartiles(evaluationsToRandomBest.compactMap { $0 }.map(Double.init))?.median }
        package var neverReached: Int { evaluationsToRandomBest.filter { $0 == nil }.count }
        /// Hypervolume against evaluations (`Result.curveEvaluations`), over seeds: the plot's line and band.
        package let hypervolumeCurve: [Quartiles]
    }

    /// Wilcoxon's signed-rank test of `first` against `second` on the final best, paired by seed.
    package struct Comparison: Sendable {
        package let first: String
        package let second: String
        /// Median over seeds of first's final best minus second's.
        package let medianDifference: Double
        /// Nil when every seed tied.
        package let test: WilcoxonSignedRank?
    }

    package struct Result: Sendable {
        package let settings: Settings
        package let rows: [Row]
        /// Every ordered pair of contenders, each pair once (first before second in `rows`).
        package let comparisons: [Comparison]
        /// Evaluation counts of `Row.hypervolumeCurve`: the end of the initial sample and of every batch.
        package let curveEvaluations: [Int]
    }

    /// Runs every contender on every seed (all runs in parallel). `contenders` must include
    /// random search: its final best is every seed's target.
    package static func run(table: SearchTable, contenders: [TableContender], settings: Settings) throws -> Result {
        let s = settings
        guard !s.seeds.isEmpty else { throw CoDesignError.invalidSetting(name: "seeds", value: "(none)", allowed: "at least one seed") }
        guard s.budget > s.initialSamples, s.budget <= table.rows.count else {
            throw CoDesignError.invalidSetting(
                name: "budget", value: String(s.budget),
                allowed: "more than the initial sample of \(s.initialSamples) and at most the table's \(table.rows.count) pairs")
        }
        guard s.batchSize >= 1 else {
            throw CoDesignError.invalidSetting(name: "batch size", value: String(s.batchSize), allowed: "at least 1")
        }
        guard let randomIndex = contenders.firstIndex(where: { $0.name == SearchStrategy.random.rawValue }) else {
            throw CoDesignError.invalidSetting(
                name: "strategies", value: contenders.map(\.name).joined(separator: ","), allowed: "a list that includes random")
        }
        var curve = Array(stride(from: s.initialSamples, to: s.budget, by: s.batchSize)) + [s.budget]
        curve = Array(Set(curve + s.checkpoints)).sorted()

        let jobs = contenders.indices.flatMap { c in s.seeds.indices.map { (c, $0) } }
        let traces = UnsafeMutableBufferPointer<TableSearch.Trace?>.allocate(capacity: jobs.count)
        defer { traces.deallocate() }
        traces.initialize(repeating: nil)
        nonisolated(unsafe) let out = traces
        let grid = curve
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            let (c, k) = jobs[j]
            out[j] = TableSearch.run(
                contenders[c], table: table, seed: s.seeds[k], budget: s.budget, batchSize: s.batchSize, initialSamples: s.initialSamples,
                hypervolumeAt: grid)
        }
        let byContender = contenders.indices.map { c in s.seeds.indices.map { k in traces[c * s.seeds.count + k]! } }
        let targets = byContender[randomIndex].map { $0.best.last! }

        let rows = contenders.indices.map { c -> Row in
            let runs = byContender[c]
            let reach = zip(runs, targets).map { run, target -> Int? in
                run.best.firstIndex { $0 >= target }.map { max(0, $0 + 1 - s.initialSamples) }
            }
            let hvAt = { (k: Int) in Quartiles(runs.map { $0.hypervolume[curve.firstIndex(of: k)!] })! }
            return Row(
                name: contenders[c].name, best: s.checkpoints.map { k in Quartiles(runs.map { $0.best[k - 1] })! },
                hypervolume: s.checkpoints.map(hvAt), finalBest: runs.map { $0.best.last! }, evaluationsToRandomBest: reach,
                hypervolumeCurve: curve.map(hvAt))
        }
        var comparisons: [Comparison] = []
        for a in rows.indices {
            for b in rows.indices where b > a {
                let (x, y) = (rows[a].finalBest, rows[b].finalBest)
                comparisons.append(
                    Comparison(
                        first: rows[a].name, second: rows[b].name, medianDifference: Quartiles(zip(x, y).map { $0 - $1 })!.median,
                        test: WilcoxonSignedRank(x, y)))
            }
        }
        return Result(settings: s, rows: rows, comparisons: comparisons, curveEvaluations: curve)
    }
}
