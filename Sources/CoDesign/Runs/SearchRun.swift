import DesignSpace
import Dispatch
import Elector
import Foundation

/// Runs a search: initial random sample, then proposal batches from the strategy, every
/// evaluation appended to the run directory as it finishes. A resumed run replays the same
/// deterministic proposals and takes logged results instead of re-evaluating them, so it
/// ends exactly where an uninterrupted run with the same seed would.
package struct SearchRun: Sendable {
    package let settings: SearchSettings
    package let evaluator: Evaluator

    package init(settings: SearchSettings, evaluator: Evaluator) {
        self.settings = settings
        self.evaluator = evaluator
    }

    /// Starts a new run in `directory`, or continues the one there when `resume` is true.
    ///
    /// With a `deadline`, the run stops after the batch that is running when it passes
    /// (`stoppedBy` "time limit"); the directory then resumes like a killed run.
    package func run(
        directory: String, resume: Bool, deadline: ContinuousClock.Instant? = nil,
        progress: @Sendable (SearchProgress) -> Void = { _ in }
    ) throws -> SearchOutcome {
        try settings.validate()
        let mode = try settings.searchMode
        let log: RunDirectory
        let scale: ObjectiveScale
        var logged: [Int: Evaluation] = [:]
        var proposed: [Int: ProposalBatch] = [:]
        if resume {
            let (directoryLog, header, evaluations) = try RunDirectory.reopen(directory)
            log = directoryLog
            if header.settings != settings, settings.budget > header.settings.budget,
                try header.settings.extended(to: settings.budget) == settings
            {
                // An extension: the stored run with a larger budget. Record it before any new
                // evaluation, so a kill during the extension resumes the extension.
                var longer = header
                longer.settings = settings
                try log.rewriteHeader(longer)
            } else {
                try Self.checkSame(header.settings, settings)
            }
            scale = header.scale
            for e in evaluations { logged[e.sequence] = e }
            proposed = RunDirectory.readProposals(directory)
        } else {
            scale = evaluator.scale
            log = try RunDirectory.create(directory) { RunDirectory.Header(settings: settings, scale: scale) }
        }

        let clock = ContinuousClock()
        let started = clock.now
        var data: [Evaluation] = []
        var seen = Set<String>()
        var reused = 0
        var replayed = 0
        var best = -Double.infinity
        var quiet = 0
        var stoppedBy = "budget"

        func evaluate(_ batch: [Proposal]) throws {
            let base = data.count
            let results = UnsafeMutableBufferPointer<Evaluation?>.allocate(capacity: batch.count)
            defer { results.deallocate() }
            results.initialize(repeating: nil)
            var fresh: [Int] = []
            for (i, proposal) in batch.enumerated() {
                if let old = logged[base + i] {
                    guard old.point.key == proposal.point.key else {
                        throw CoDesignError.unreadableRun(
                            path: directory,
                            reason: "evaluation \(base + i) in the log differs from this run's proposal (was the code or data changed?)")
                    }
                    results[i] = old
                    reused += 1
                } else {
                    fresh.append(i)
                }
            }
            let evaluator = self.evaluator
            nonisolated(unsafe) let out = results
            let todo = fresh
            DispatchQueue.concurrentPerform(iterations: todo.count) { k in
                let i = todo[k]
                let proposal = batch[i]
                let e = evaluator.evaluate(
                    proposal.point, sequence: base + i, origin: proposal.origin, scale: scale, predicted: proposal.predicted,
                    predictedStd: proposal.predictedStd)
                log.append(e)
                out[i] = e
            }
            for e in results { data.append(e!) }
        }

        // Fills a batch with unseen random points; the generator is the iteration's own, so a
        // resumed run that takes a batch from the proposals log needs no generator state.
        func unique(_ proposals: [Proposal], _ n: Int, rng: inout SeededGenerator) -> [Proposal] {
            var batch: [Proposal] = []
            for p in proposals where batch.count < n && !seen.contains(p.point.key) {
                seen.insert(p.point.key)
                batch.append(p)
            }
            while batch.count < n {
                let p = mode.randomPoint(decomposes: settings.encoding.decomposes, using: &rng)
                if seen.insert(p.key).inserted { batch.append(Proposal(point: p, origin: "random")) }
            }
            return batch
        }

        // An extended run replays each earlier budget's batches as they were (the last batch of
        // a budget may be short), then continues to the new budget.
        let ends = settings.segmentEnds
        let lastEarlierEnd = ends.dropLast().last ?? 0
        let initial = min(settings.initialSamples, ends[0])
        var rng = SeededGenerator(seed: settings.seed)
        try evaluate(unique([], initial, rng: &rng).map { Proposal(point: $0.point, origin: "initial") })
        best = data.map(\.performance).max()!
        progress(
            SearchProgress(
                iteration: 0, evaluations: data.count, budget: settings.budget, best: best, reused: reused, replayedBatches: 0,
                elapsedSeconds: (clock.now - started).seconds))

        let memory = SurrogateMemory()
        let proposer = Proposer(settings: settings, mode: mode, memory: memory)
        let surrogatePath = "\(directory)/surrogate.plist"
        var iteration = 0
        while data.count < settings.budget {
            if let deadline, clock.now >= deadline {
                stoppedBy = "time limit"
                break
            }
            iteration += 1
            let end = ends.first { $0 > data.count } ?? settings.budget
            let n = min(settings.batchSize, end - data.count)
            let batch: [Proposal]
            if let stored = proposed[iteration], stored.proposals.count == n,
                stored.proposals.allSatisfy({ !seen.contains($0.point.key) })
            {
                batch = stored.proposals
                for p in batch { seen.insert(p.point.key) }
                replayed += 1
            } else {
                var fill = SeededGenerator(seed: settings.seed ^ (UInt64(iteration) &* 0xD1B5_4A32_D192_ED03))
                // A resumed run warm-starts from the weights saved after the last logged batch.
                if settings.strategy == .boshcode && memory.iteration != iteration - 1 { memory.load(from: surrogatePath) }
                batch = unique(proposer.propose(data, count: n, iteration: iteration), n, rng: &fill)
                try log.appendProposals(ProposalBatch(iteration: iteration, proposals: batch))
                if settings.strategy == .boshcode { try memory.write(to: surrogatePath) }
            }
            try evaluate(batch)
            let now = data.map(\.performance).max()!
            if now > best + 1e-12 {
                best = now
                quiet = 0
            } else {
                quiet += 1
            }
            // Patience counts only in the last stretch: extending a run that patience stopped
            // asks for more evaluations, so the earlier stop is replayed past.
            if data.count <= lastEarlierEnd { quiet = 0 }
            progress(
                SearchProgress(
                    iteration: iteration, evaluations: data.count, budget: settings.budget, best: best,
                    reused: reused, replayedBatches: replayed, elapsedSeconds: (clock.now - started).seconds))
            if settings.patience > 0 && quiet >= settings.patience {
                stoppedBy = "patience"
                break
            }
        }
        return summarise(data, scale: scale, stoppedBy: stoppedBy, initialSamples: initial)
    }

    static func checkSame(_ stored: SearchSettings, _ given: SearchSettings) throws {
        func check(_ field: String, _ a: String, _ b: String) throws {
            if a != b { throw CoDesignError.resumeMismatch(field: field, stored: a, given: b) }
        }
        try check("strategy", stored.strategy.rawValue, given.strategy.rawValue)
        try check("seed", String(stored.seed), String(given.seed))
        try check("budget", String(stored.budget), String(given.budget))
        try check("mode", stored.mode, given.mode)
        try check("workload", stored.workload.rawValue, given.workload.rawValue)
        try check("table", stored.table, given.table)
        try check("batch size", String(stored.batchSize), String(given.batchSize))
        try check("objective scale", stored.objectiveScale.rawValue, given.objectiveScale.rawValue)
        try check(
            "constraints", stored.constraints.map(\.description).joined(separator: " "),
            given.constraints.map(\.description).joined(separator: " "))
        guard stored == given else { throw CoDesignError.resumeMismatch(field: "settings", stored: "those in run.json", given: "these") }
    }

    /// Re-simulates the top candidates (at cycle level unless the evaluator says otherwise)
    /// and gathers fronts and curves.
    func summarise(_ data: [Evaluation], scale: ObjectiveScale, stoppedBy: String, initialSamples: Int) -> SearchOutcome {
        let valid = data.filter { $0.violated == nil }
        let pool = (valid.isEmpty ? data : valid).sorted { ($0.performance, -$0.sequence) > ($1.performance, -$1.sequence) }
        let top = Array(pool.prefix(5))
        let evaluator = self.evaluator
        let rescored = top.map { e -> SearchOutcome.Rescored in
            let m = evaluator.measure(e.point, fidelity: evaluator.rescoringFidelity)
            return SearchOutcome.Rescored(evaluation: e, cycleLevel: m, performance: evaluator.performance(m, scale: scale))
        }.sorted { $0.performance > $1.performance }
        let baselines = [
            ("BERT-Tiny on AccelTran-Edge", "bert-tiny", "acceltran-edge"),
            ("BERT-Base on AccelTran-Server", "bert-base", "acceltran-server"),
        ]
        .map { name, model, accelerator -> SearchOutcome.Baseline in
            let p = DesignPoint(
                model: BuiltIns.model(named: model)!, accelerator: BuiltIns.accelerator(named: accelerator)!, tauI: 0.01, tauT: 1e-4)
            let m = evaluator.measure(p, fidelity: evaluator.rescoringFidelity)
            return SearchOutcome.Baseline(name: name, measurement: m, performance: evaluator.performance(m, scale: scale))
        }
        let objectives = valid.map { scale.objectives($0.measurement) }
        let front = ParetoFront.nonDominated(objectives)
        var convergence: [Double] = []
        var running = -Double.infinity
        for e in data {
            running = max(running, e.performance)
            convergence.append(running)
        }
        return SearchOutcome(
            settings: settings, scale: scale, initialSamples: initialSamples, evaluations: data, rescored: rescored, baselines: baselines,
            pareto: front.map { valid[$0].sequence }, hypervolume: ParetoFront.hypervolume(front.map { objectives[$0] }),
            convergence: convergence, stoppedBy: stoppedBy)
    }
}
