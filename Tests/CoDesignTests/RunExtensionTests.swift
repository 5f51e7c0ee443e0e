import Foundation
import Testing

@testable import CoDesign

/// Issue 17: `--resume DIR --budget N` extends a run, deterministically.
@Suite struct RunExtensionTests {
    static func log(_ dir: String) throws -> [Evaluation] {
        try RunDirectory.load(dir).1.sorted { $0.sequence < $1.sequence }
    }

    /// Budgets on batch boundaries, same initial sample: 32, then 48, then 64 is exactly one
    /// 64-evaluation run, because each stretch's batches are the ones the long run proposes.
    @Test func extendingOnBatchBoundariesEqualsOneLongRun() throws {
        let short = SearchSettings(
            strategy: .gpBO, budget: 32, seed: 5, batchSize: 8, initialSamples: 16, workload: .inference, table: "acceltran-14nm")
        let long = SearchSettings(
            strategy: .gpBO, budget: 64, seed: 5, batchSize: 8, initialSamples: 16, workload: .inference, table: "acceltran-14nm")
        let evaluator = try evaluator()
        let single = temporaryDirectory()
        _ = try SearchSession.run(long, evaluator: evaluator, in: single, resume: false)

        let extended = temporaryDirectory()
        _ = try SearchSession.run(short, evaluator: evaluator, in: extended, resume: false)
        _ = try SearchSession.run(try short.extended(to: 48), evaluator: evaluator, in: extended, resume: true)
        let stored = try SearchSession.storedSettings(in: extended)
        #expect(stored.budget == 48 && stored.earlierBudgets == [32])
        let report = try SearchSession.run(try stored.extended(to: 64), evaluator: evaluator, in: extended, resume: true)
        #expect(try SearchSession.storedSettings(in: extended).earlierBudgets == [32, 48])
        #expect(try Self.log(extended) == Self.log(single))
        #expect(report.outcome.evaluations.count == 64)
    }

    /// 48 with the default initial sample (12) ends on a short batch of 4, which a single
    /// 64-evaluation run never proposes (its initial sample is 16, and BOSHCODE's batch depends
    /// on its size): the extension cannot equal it, but it keeps the first 48 evaluations and
    /// a killed extension resumes to the same log, so it is reproducible.
    @Test func extendingAfterAShortBatchIsDeterministicAndKeepsTheLog() throws {
        let first = SearchSettings(strategy: .gpBO, budget: 48, seed: 2, batchSize: 8, workload: .inference, table: "acceltran-14nm")
        #expect(first.initialSamples == 12)
        let evaluator = try evaluator()
        let a = temporaryDirectory()
        _ = try SearchSession.run(first, evaluator: evaluator, in: a, resume: false)
        let before = try Self.log(a)
        _ = try SearchSession.run(try first.extended(to: 64), evaluator: evaluator, in: a, resume: true)
        let after = try Self.log(a)
        #expect(after.count == 64)
        #expect(Array(after.prefix(48)) == before)

        // Kill the extension after 52 evaluations (a copy of the directory): resuming with the
        // stored settings reproduces the same 64 evaluations.
        let b = temporaryDirectory()
        try FileManager.default.createDirectory(atPath: b, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(a)/run.json", toPath: "\(b)/run.json")
        let lines = try String(contentsOfFile: "\(a)/evaluations.jsonl", encoding: .utf8).split(separator: "\n")
        try (lines.prefix(52).joined(separator: "\n") + "\n").write(toFile: "\(b)/evaluations.jsonl", atomically: true, encoding: .utf8)
        _ = try SearchSession.run(try SearchSession.storedSettings(in: b), evaluator: evaluator, in: b, resume: true)
        #expect(try Self.log(b) == after)
    }

    @Test func aSmallerBudgetIsRefusedAndTheSameBudgetIsAPlainResume() throws {
        let s = SearchSettings(budget: 48, table: "t")
        #expect(throws: CoDesignError.invalidSetting(name: "budget", value: "40", allowed: "at least the run's budget 48")) {
            try s.extended(to: 40)
        }
        #expect(try s.extended(to: 48) == s)
        #expect(try s.extended(to: 64).extended(to: 80).earlierBudgets == [48, 64])
    }

    @Test func aRunWithoutAFeasiblePairFailsAndKeepsItsLog() throws {
        let constraint = try Constraint.parse("latency<=1e-12")
        let settings = SearchSettings(
            strategy: .random, budget: 8, seed: 1, batchSize: 4, initialSamples: 4,
            constraints: [constraint], workload: .inference, table: "acceltran-14nm")
        let dir = temporaryDirectory()
        #expect(throws: CoDesignError.noFeasiblePair(path: dir, constraints: "latency<=1e-12", evaluations: 8)) {
            try SearchSession.run(settings, evaluator: try evaluator(constraints: [constraint]), in: dir, resume: false)
        }
        #expect(try Self.log(dir).count == 8)
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/best-model.json"))
    }
}
