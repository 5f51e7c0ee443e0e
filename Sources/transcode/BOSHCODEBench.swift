import ArgumentParser
import CoDesign
import CostModel
import Foundation
import ProjectLayout

/// `transcode benchmark boshcode`: wall time of one BOSHCODE proposal at a given number of
/// observations (the target: a batch of 8 in under 2 s at 1,000 observations).
struct BOSHCODEBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boshcode",
        abstract: "Wall time of one BOSHCODE proposal (surrogate fit and a batch of queries), cold and warm-started.",
        discussion: """
            Evaluates --observations random pairs in the fast mode, then times the first proposal
            (fresh weights) and --warm later ones (each warm-started from the previous surrogate, with
            the previous batch added to the data). Build in release mode; a loaded machine moves
            every figure.

            Examples:
              transcode benchmark boshcode
              transcode benchmark boshcode --observations 200 --warm 3
            """)
    @Option(help: "Observations the surrogate is fitted to.") var observations: Int = 1000
    @Option(help: "Points per proposal.") var batchSize: Int = 8
    @Option(help: "Warm-started proposals after the first.") var warm: Int = 5
    @Option(help: "Seed of the random observations and of the proposals.") var seed: UInt64 = 0
    @Option(help: "Hardware table.") var table: String?

    func validate() throws {
        guard observations >= 2 else { throw CLIError("--observations must be at least 2, got \(observations)") }
        guard batchSize >= 1 else { throw CLIError("--batch-size must be at least 1, got \(batchSize)") }
        guard warm >= 0 else { throw CLIError("--warm must be 0 or more, got \(warm)") }
    }

    func run() throws {
        let settings = SearchSettings(budget: observations, workload: .training, table: table ?? TableCatalog.defaultName)
        let evaluator = try Evaluator(settings: settings, root: ProjectFiles.root)
        let r = try BOSHCODEBenchmark.run(
            evaluator: evaluator, observations: observations, batchSize: batchSize, warmProposals: warm, seed: seed)
        print(String(format: "%d observations evaluated in %.2f s (fast mode)", r.observations, r.evaluationSeconds))
        print(
            String(
                format: "first proposal of %d, fresh weights: %.2f s (fit %.2f s, queries %.2f s)", r.batchSize, r.coldSeconds,
                r.fitSeconds[0], r.querySeconds[0]))
        for (k, t) in r.warmSeconds.enumerated() {
            print(
                String(
                    format: "proposal %d, warm-started, %d observations: %.2f s (fit %.2f s, queries %.2f s)", k + 2,
                    r.observations + (k + 1) * r.batchSize, t, r.fitSeconds[k + 1], r.querySeconds[k + 1]))
        }
        if !r.warmSeconds.isEmpty {
            let sorted = r.warmSeconds.sorted()
            print(String(format: "median warm-started proposal: %.2f s", sorted[sorted.count / 2]))
        }
    }
}
