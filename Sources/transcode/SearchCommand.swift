import ArgumentParser
import CoDesign
import CostModel
import DesignSpace
import Elector
import Foundation
import ProjectLayout

/// `transcode search`: the co-design search, the tool's main job.
///
/// Validates the options, builds the settings, calls `SearchSession` and prints its report;
/// the run directory and every file in it are the library's.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find the best transformer-accelerator pair with BOSHCODE (or a baseline).")

    @Option(help: "Evaluations in all.") var budget: Int = 96
    @Option(help: "Random seed; the same seed gives the same run.") var seed: UInt64 = 0
    @Option(help: "alpha,beta,gamma,delta,epsilon for latency, area, dynamic energy, leakage energy, accuracy.")
    var weights: String = "0.1,0.1,0.2,0.1,0.5"
    @Option(help: "A limit such as layers<=6, area<=100 (mm^2), latency<=0.5 (ms/seq), energy<=0.01 (J/seq), accuracy>=0.78; repeatable.")
    var constraint: [String] = []
    @Option(help: "codesign, hw-nas (fixed --accelerator) or accelerator (fixed --model).") var mode: String = "codesign"
    @Option(help: "The fixed accelerator for hw-nas.") var accelerator: String = "acceltran-server"
    @Option(help: "The fixed model for accelerator search.") var model: String = "bert-base"
    @Option(help: "training or inference.") var workload: Workload = .training
    @Option(help: "boshcode, random, gp-bo, random-forest or gbrt.") var strategy: SearchStrategy = .boshcode
    @Option(help: "Points proposed and evaluated in parallel per iteration.") var batch: Int = 8
    @Option(help: "Stop after this many iterations without improvement (0: use the whole budget).") var patience: Int = 0
    @Option(help: "Hardware table (default: the calibrated table).") var table: String?
    @Option(help: "Measured accuracies for your own models: [{\"model_dict\": {...}, \"accuracy\": 0.8}, ...].")
    var accuracyTable: String?
    @Option(help: "Run directory.") var out: String = "runs/search"
    @Option(help: "Continue the run in this directory with the settings it was started with (the other search options are ignored).") var resume: String?
    @Flag(help: "Run every strategy on the same budget and seed and compare their convergence.") var compare = false

    static let modes = ["codesign", "hw-nas", "accelerator"]

    /// The library's setting names, spelled as this command's flags.
    static let flags = ["budget": "--budget", "batch size": "--batch", "patience": "--patience"]

    func validate() throws {
        // A resumed run takes its stored settings; the other options are ignored, so not checked.
        guard resume == nil else { return }
        guard Self.modes.contains(mode) else {
            throw ValidationError("--mode must be codesign, hw-nas or accelerator, got '\(mode)'")
        }
        do {
            _ = try Objective.parse(weights)
            _ = try constraint.map(Constraint.parse)
            try SearchSettings(strategy: strategy, budget: budget, seed: seed, batchSize: batch, patience: patience, table: "").validate()
        } catch let error as CoDesignError {
            throw ValidationError(Self.withFlags(error))
        }
    }

    /// A library error with this command's flag named where the library names a setting.
    static func withFlags(_ error: CoDesignError) -> String {
        switch error {
        case .invalidWeights(let reason):
            return "invalid --weights: \(reason)"
        case .invalidSetting(let name, let value, let allowed):
            return flags[name].map { "invalid \($0) \(value): allowed \(allowed)" } ?? error.description
        case .runExists(let path):
            return "\(error) (continue it with --resume \(path), or give another --out)"
        default:
            return error.description
        }
    }

    func settings() throws -> SearchSettings {
        let searchMode: SearchMode
        switch mode {
        case "hw-nas": searchMode = .hardwareAwareNAS(try Catalog.accelerator(accelerator))
        case "accelerator": searchMode = .acceleratorSearch(try Catalog.model(model))
        default: searchMode = .codesign
        }
        return SearchSettings(
            strategy: strategy, budget: budget, seed: seed, batchSize: batch, patience: patience, mode: searchMode,
            objective: try Objective.parse(weights), constraints: try constraint.map(Constraint.parse),
            workload: workload, table: table ?? TableCatalog.defaultName, accuracyTable: accuracyTable)
    }

    func run() throws {
        let settings = try resume.map(SearchSession.storedSettings(in:)) ?? self.settings()
        let evaluator = try Evaluator(settings: settings, root: ProjectFiles.root)
        let directory = resume ?? out
        do {
            if compare {
                let report = try SearchSession.compare(
                    settings, evaluator: evaluator, in: directory, resume: resume != nil,
                    starting: { FileHandle.standardError.write(Data("== \($0.rawValue)\n".utf8)) }, progress: Self.report)
                print(Render.searchComparison(report), terminator: "")
            } else {
                let report = try SearchSession.run(settings, evaluator: evaluator, in: directory, resume: resume != nil, progress: Self.report)
                print(Render.search(report), terminator: "")
            }
        } catch let error as CoDesignError {
            throw CLIError(Self.withFlags(error))
        }
    }

    @Sendable static func report(_ p: SearchProgress) {
        FileHandle.standardError.write(Data(Render.searchProgress(p).utf8))
    }
}

extension SearchStrategy: ExpressibleByArgument {}
