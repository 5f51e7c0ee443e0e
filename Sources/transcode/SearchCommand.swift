import ArgumentParser
import CoDesign
import CostModel
import DesignSpace
import Elector
import Foundation
import ProjectLayout

/// `transcode search`: the co-design search, the tool's main job.
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

    func run() throws {
        let root = ProjectFiles.root
        var settings: SearchSettings
        if let resume {
            let (header, _) = try RunDirectory.load(resume)
            settings = header.settings
        } else {
            let searchMode: SearchMode
            switch mode {
            case "codesign": searchMode = .codesign
            case "hw-nas": searchMode = .hardwareAwareNAS(try Catalog.accelerator(accelerator))
            case "accelerator": searchMode = .acceleratorSearch(try Catalog.model(model))
            default: throw CLIError("--mode must be codesign, hw-nas or accelerator, got '\(mode)'")
            }
            settings = SearchSettings(
                strategy: strategy, budget: budget, seed: seed, batchSize: batch, patience: patience, mode: searchMode,
                objective: try Objective.parse(weights), constraints: try constraint.map(Constraint.parse),
                workload: workload, table: table ?? TableCatalog.defaultName, accuracyTable: accuracyTable)
        }
        let evaluator = Evaluator(
            table: try TableCatalog.load(settings.table),
            accuracy: try AccuracyModel.shipped(root: root, accuracyTable: settings.accuracyTable),
            objective: settings.objective, constraints: settings.constraints, workload: settings.workload)
        let directory = resume ?? out

        if compare {
            var outcomes: [SearchOutcome] = []
            for s in SearchStrategy.allCases {
                var each = settings
                each.strategy = s
                FileHandle.standardError.write(Data("== \(s.rawValue)\n".utf8))
                let dir = "\(directory)/\(s.rawValue)"
                let resuming = FileManager.default.fileExists(atPath: "\(dir)/evaluations.jsonl") && resume != nil
                outcomes.append(try SearchRun(settings: each, evaluator: evaluator).run(directory: dir, resume: resuming, progress: Self.report))
            }
            try SearchReport.writeComparison(outcomes, directory: directory)
            print(SearchReport.comparison(outcomes, directory: directory), terminator: "")
            return
        }
        let outcome = try SearchRun(settings: settings, evaluator: evaluator).run(directory: directory, resume: resume != nil, progress: Self.report)
        try SearchReport.write(outcome, directory: directory)
        print(SearchReport.summary(outcome, directory: directory), terminator: "")
    }

    @Sendable static func report(_ p: SearchProgress) {
        let reused = p.reused > 0 ? ", \(p.reused) from the log" : ""
        let line = String(format: "iteration %d: %d/%d evaluations%@, best %.4f, %.1f s\n",
                          p.iteration, p.evaluations, p.budget, reused, p.best, p.elapsedSeconds)
        FileHandle.standardError.write(Data(line.utf8))
    }
}

extension SearchStrategy: ExpressibleByArgument {}
