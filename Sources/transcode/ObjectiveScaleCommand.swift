import ArgumentParser
import CoDesign
import CostModel
import Foundation
import ProjectLayout

/// `transcode objective-scale`: freezes the objective's declared references from a sample of
/// the space and measures which scale ranks designs more like the Pareto order.
struct ObjectiveScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objective-scale",
        abstract: "Measure the objective's reference values over a random sample, and how well each scale ranks designs.",
        discussion: """
            Measures --sample random co-design points in the fast mode for each workload and \
            takes each figure's minimum and maximum as the declared references: fixed-max divides \
            costs by the maxima (the paper's normalisation, frozen), log places log-costs and \
            accuracy between the bounds. Then, on a second sample (--rank-sample, --rank-seed), \
            it prints for each scale the Spearman correlation of performance with minus the \
            Pareto rank (non-dominated sorting layer) and with minus the dominated count over \
            accuracy, latency, area, dynamic and leakage energy, and the share of the top 5% by \
            performance that is on the sample's Pareto front. With --out it writes the file \
            that every search reads (data/objective-scale.json); raise --version when you do.

            Examples:
              transcode objective-scale --sample 200 --rank-sample 200
              transcode objective-scale --sample 2000 --version 2 --out data/objective-scale.json
            """)

    @Option(parsing: .unconditional, help: "Random co-design points measured for the references (default: 2000).") var sample = 2000
    @Option(parsing: .unconditional, help: "Seed of that sample (default: 0).") var seed: UInt64 = 0
    @Option(parsing: .unconditional, help: "Points of the independent sample the rankings are measured on (default: 2000).")
    var rankSample = 2000
    @Option(parsing: .unconditional, help: "Seed of the ranking sample (default: 1).") var rankSeed: UInt64 = 1
    @Option(help: "Hardware table (default: the calibrated table).") var table: String?
    @Option(parsing: .unconditional, help: "The version written into the file (default: 1).") var version = 1
    @Option(help: "Write the references here (e.g. data/objective-scale.json); without it, only print.") var out: String?

    func validate() throws {
        guard sample >= 2 else { throw ValidationError("invalid --sample \(sample): allowed at least 2") }
        guard rankSample >= 2 else { throw ValidationError("invalid --rank-sample \(rankSample): allowed at least 2") }
        guard version >= 1 else { throw ValidationError("invalid --version \(version): allowed at least 1") }
    }

    func run() throws {
        let tableName = table ?? TableCatalog.defaultName
        let command =
            "transcode objective-scale --sample \(sample) --seed \(seed) --rank-sample \(rankSample) --rank-seed \(rankSeed) --table \(tableName) --version \(version)"
        let study: ObjectiveScaleStudy
        do {
            study = try ObjectiveScaleStudy.run(
                table: tableName, root: ProjectFiles.root, sample: sample, seed: seed, rankSample: rankSample, rankSeed: rankSeed,
                version: version, command: command)
        } catch let error as CoDesignError {
            throw CLIError(error.description)
        }
        print(Render.objectiveScale(study), terminator: "")
        if let out {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            do { try encoder.encode(study.file).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                throw CLIError("cannot write --out \(out): \((error as NSError).localizedDescription)")
            }
            print("wrote \(out)")
        }
    }
}
