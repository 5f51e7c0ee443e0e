import ArgumentParser
import CoDesign
import CostModel
import DesignSpace
import Foundation
import ProjectLayout

/// `transcode benchmark search-table`: evaluates random co-design pairs once, into the frozen
/// table `transcode benchmark search` runs every strategy on.
struct SearchTableBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-table",
        abstract: "Evaluate random co-design pairs (fast mode) into a frozen table for 'transcode benchmark search'.",
        discussion: """
            Draws --pairs distinct co-design pairs with --seed, evaluates each in the fast mode with the
            accuracy predictor, and writes the table (provenance, figures, performance and hypervolume
            objectives on the declared objective scale) to --out. With --manifest, also writes a small
            record of the command, the table's size and content hash, and the time it took: check that in
            and keep the table itself in a git-ignored cache.

            Examples:
              transcode benchmark search-table --pairs 2000 --out /tmp/table-2k.csv
              transcode benchmark search-table --pairs 100000 --seed 0 --out .cache/search-table/pairs-100000-seed-0.csv --manifest data/search-table.json
            """)
    @Option(parsing: .unconditional, help: "Pairs to evaluate.") var pairs: Int = 100_000
    @Option(parsing: .unconditional, help: "Seed of the pairs drawn.") var seed: Int = 0
    @Option(help: "Table file to write.") var out: String
    @Option(help: "Manifest to write (e.g. data/search-table.json).") var manifest: String?
    @Option(help: "Hardware table (default: the calibrated table).") var table: String?
    @Option(help: "measured (the Fashion-MNIST predictor) or glue (default: measured).") var accuracySource: AccuracySource?
    @Option(help: "fixed-max or log (default: \(ObjectiveScale.Kind.defaultKind.rawValue)).") var objectiveScale: ObjectiveScale.Kind?

    func validate() throws {
        guard pairs >= 1 else { throw ValidationError("invalid --pairs \(pairs): allowed at least 1") }
        guard seed >= 0 else { throw ValidationError("invalid --seed \(seed): allowed 0 or more") }
    }

    func run() throws {
        let settings = SearchSettings(
            objectiveScale: objectiveScale ?? .defaultKind, workload: .training, table: table ?? TableCatalog.defaultName,
            accuracySource: accuracySource ?? .measured)
        let evaluator = try Evaluator(settings: settings, root: ProjectFiles.root)
        let command = (["transcode"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let commit = TrainCommand.commit()
        let provenance = SearchTable.Provenance(
            command: command, pairs: pairs, seed: UInt64(seed), commit: commit, hardwareTable: settings.table,
            workload: settings.workload.rawValue, accuracySource: (settings.accuracySource ?? .measured).rawValue,
            objective: settings.objective, objectiveScale: evaluator.scale)
        let clock = ContinuousClock()
        let started = clock.now
        let result = try SearchTable.generate(evaluator: evaluator, pairs: pairs, seed: UInt64(seed), provenance: provenance) { done in
            if done % 10_000 == 0 || done == pairs {
                FileHandle.standardError.write(Data("evaluated \(done) of \(pairs) pairs\n".utf8))
            }
        }
        let written = try result.write(to: out)
        let seconds = (clock.now - started).seconds
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print(
            String(
                format: "%d pairs evaluated and written in %.1f s on %d cores (%.1f MB, %@) to %@", pairs, seconds, cores,
                Double(written.bytes) / 1_048_576, written.hash, out))
        if let manifest {
            try SearchTableManifest(
                command: command, file: out, pairs: pairs, seed: UInt64(seed), commit: commit, bytes: written.bytes, hash: written.hash,
                objectiveScaleSource: evaluator.scale.source, seconds: (seconds * 10).rounded() / 10, cores: cores
            ).write(to: manifest)
            print("manifest written to \(manifest)")
        }
    }
}
