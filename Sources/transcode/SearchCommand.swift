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
        commandName: "search", abstract: "Find the best transformer-accelerator pair with GP-BO, BOSHCODE or another strategy.",
        discussion: """
            The run directory (--out) gets run.json (the settings), evaluations.jsonl (one \
            evaluation per line, written as each finishes), run.lock (held by the running \
            search, naming its pid), the best pair's model-dict JSON and accelerator YAML, \
            convergence and Pareto CSVs and SVG plots. A second search on the same directory is \
            refused while the first runs. --resume DIR continues a killed run with its stored \
            settings; with --budget N it extends a finished or killed run to N evaluations. No \
            other search option may be given with --resume but --compare, --time-limit and \
            --objective-scale, which must name the run's own scale. A resumed run takes past \
            batches from proposals.jsonl instead of fitting its surrogate again.

            Outputs: summary.json (the run in one file), trials.csv (every evaluation with \
            readable model and accelerator fields, its figures and the surrogate's prediction), \
            pareto.csv (the 4-D front over accuracy, latency, area and energy), and plots of \
            accuracy against latency, area and energy, each with the front of that plane drawn \
            as steps. Performance and hypervolume are on a declared scale \
            (data/objective-scale.json, named in run.json), the same for every seed and run. \
            --compare writes each strategy's files in its own folder (--out/boshcode, ...) and \
            the curves of all in --out; --compare --resume continues it.

            Input files: --mode hw-nas fixes the accelerator (--accelerator: acceltran-edge, \
            acceltran-server, elector-star, or an AccelTran-style YAML or JSON file; `transcode \
            show acceltran-edge --format yaml` prints one); --mode accelerator fixes the model \
            (--model: bert-tiny, bert-base, fb-star, or a model-dict JSON file {"l": 2, "o": \
            [["sa_sdp_64", "sa_sdp_64"], ...], "h": [128, 128], "f": [[512], [512]]}; see \
            `transcode show --help`). --accuracy-table: a JSON list of measured GLUE scores, \
            [{"model_dict": {...}, "accuracy": 0.8}, ...] or [{"embedding": [...], "accuracy": \
            0.8}, ...], used instead of the predictor for those models.

            Constraints: a pair that breaks one gets the penalty performance -1. An upper bound \
            at or below 0 on layers, area, latency or energy is refused at once (no design can \
            meet it); a run in which no evaluated pair meets the constraints ends with an error \
            naming them and exit status 1, keeping its log.

            Decompositions: --decompose adds HEAT's tensor-train variables per matrix group             (the feed-forward stages; the attention output and projection): dense or 2 or 3             cores, a rank and a shape. A decomposed model's accuracy is its dense model's plus             the change measured by distillation at its compression             (data/decomposition-accuracy.json, built from `transcode compress` runs by             `transcode accuracy decomposition`); one that compresses its matrices beyond every             measured student is infeasible.

            Examples:
              transcode search --out runs/search
              transcode search --budget 48 --seed 3 --constraint 'area<=100' --out runs/small
              transcode search --mode hw-nas --accelerator acceltran-edge --out runs/edge
              transcode search --decompose --out runs/heat
              transcode search --mode accelerator --model my-model.json --out runs/accel
              transcode search --resume runs/small --budget 96
              transcode search --compare --budget 32 --out runs/compare
              transcode search --budget 400 --time-limit 30m --out runs/long
              transcode search --compare --resume runs/compare --budget 64
            """)

    // Options are optional so that `--resume` can tell which were given (ArgumentParser
    // cannot tell a default from a given value); the defaults are applied in `settings()`.
    // Numbers parse `.unconditional` so that `--budget -5` reaches validation instead of
    // being read as a missing value followed by an unknown flag.
    @Option(parsing: .unconditional, help: "Evaluations in all (default: 96); with --resume, extend the run to this many.") var budget: Int?
    @Option(parsing: .unconditional, help: "Random seed, 0 or more (default: 0); the same seed gives the same run.") var seed: String?
    @Option(
        help: "alpha,beta,gamma,delta,epsilon for latency, area, dynamic energy, leakage energy, accuracy (default: 0.1,0.1,0.2,0.1,0.5).")
    var weights: String?
    @Option(help: "A limit such as layers<=6, area<=100 (mm^2), latency<=0.5 (ms/seq), energy<=0.01 (J/seq), accuracy>=0.78; repeatable.")
    var constraint: [String] = []
    @Option(help: "codesign, hw-nas (fixed --accelerator) or accelerator (fixed --model) (default: codesign).") var mode: String?
    @Option(help: "The fixed accelerator for hw-nas: a built-in name or a YAML/JSON file (default: acceltran-server).") var accelerator:
        String?
    @Option(help: "The fixed model for accelerator search: a built-in name or a model-dict JSON file (default: bert-base).") var model:
        String?
    @Option(help: "training or inference (default: training).") var workload: Workload?
    @Option(help: "boshcode, random, gp-bo, random-forest, gbrt, nsga2 or tpe (default: \(SearchStrategy.standard.rawValue)).")
    var strategy: SearchStrategy?
    @Option(parsing: .unconditional, help: "Points proposed and evaluated in parallel per iteration (default: 8).") var batch: Int?
    @Option(parsing: .unconditional, help: "Stop after this many iterations without improvement (default 0: use the whole budget).")
    var patience: Int?
    @Option(help: "Hardware table (default: the calibrated table).") var table: String?
    @Option(help: "Measured accuracies for your own models: [{\"model_dict\": {...}, \"accuracy\": 0.8}, ...].")
    var accuracyTable: String?
    @Option(help: "measured (the Fashion-MNIST predictor; the default when data/accuracy-fashion-mnist.jsonl exists) or glue.")
    var accuracySource: AccuracySource?
    @Option(help: "Run directory (default: runs/search).") var out: String?
    @Option(help: "Continue the run in this directory with the settings it was started with; with --budget, extend it.") var resume: String?
    @Flag(
        help:
            "Also search tensor-train decompositions (HEAT): per matrix group (feed-forward; attention output and projection), dense or 2-3 cores, a rank and a shape."
    ) var decompose = false
    @Flag(help: "Run every strategy on the same budget and seed, each in its own folder of --out, and compare them.") var compare = false
    @Option(
        help:
            "fixed-max (costs divided by declared maxima, the paper's scale) or log (log-scaled costs between declared bounds) (default: \(ObjectiveScale.Kind.defaultKind.rawValue)); see 'transcode objective-scale'."
    )
    var objectiveScale: ObjectiveScale.Kind?
    @Option(help: "Stop after the batch running when this much time has passed, e.g. 90s, 20m, 2h; --resume continues the run.")
    var timeLimit: String?

    static let modes = ["codesign", "hw-nas", "accelerator"]

    /// The library's setting names, spelled as this command's flags.
    static let flags = ["budget": "--budget", "batch size": "--batch", "patience": "--patience", "objective scale": "--objective-scale"]

    /// The options a resumed run must not be given (its settings are in run.json), by flag.
    var givenSearchOptions: [String] {
        let given: [(String, Bool)] = [
            ("--seed", seed != nil), ("--weights", weights != nil), ("--constraint", !constraint.isEmpty), ("--mode", mode != nil),
            ("--accelerator", accelerator != nil), ("--model", model != nil), ("--workload", workload != nil),
            ("--strategy", strategy != nil), ("--batch", batch != nil), ("--patience", patience != nil), ("--table", table != nil),
            ("--accuracy-table", accuracyTable != nil), ("--accuracy-source", accuracySource != nil), ("--out", out != nil),
            ("--decompose", decompose),
        ]
        return given.filter(\.1).map(\.0)
    }

    /// `--seed` as a number; read by hand so that a negative seed gets a one-line error
    /// naming the allowed range rather than ArgumentParser's "invalid value".
    func parsedSeed() throws -> UInt64 {
        guard let seed else { return 0 }
        guard let value = UInt64(seed) else {
            throw ValidationError("invalid --seed \(seed): allowed a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    func validate() throws {
        if let resume {
            // A resumed run takes its stored settings: any other setting is an error, not ignored.
            let extra = givenSearchOptions
            guard extra.isEmpty else {
                throw ValidationError(
                    "--resume \(resume) continues the run with its stored settings; do not give \(extra.joined(separator: ", ")) (only --budget, to extend it, --compare, --time-limit and --objective-scale)"
                )
            }
            if let budget, budget < 2 {
                throw ValidationError("invalid --budget \(budget): allowed at least 2")
            }
            _ = try parsedTimeLimit()
            return
        }
        _ = try parsedTimeLimit()
        let mode = self.mode ?? "codesign"
        guard Self.modes.contains(mode) else {
            throw ValidationError("--mode must be codesign, hw-nas or accelerator, got '\(mode)'")
        }
        if decompose && mode == "accelerator" {
            throw ValidationError(
                "--decompose needs a search that changes the model: use --mode codesign or hw-nas, or give a decomposed --model")
        }
        let seed = try parsedSeed()
        do {
            _ = try Objective.parse(weights ?? Self.defaultWeights)
            _ = try constraint.map(Constraint.parse)
            try SearchSettings(
                strategy: strategy ?? .standard, budget: budget ?? Self.defaultBudget, seed: seed, batchSize: batch ?? 8,
                patience: patience ?? 0, table: ""
            ).validate()
            // Checked before any work, so a bad --out costs nothing.
            try RunDirectory.checkUsable(out ?? Self.defaultOut)
        } catch let error as CoDesignError {
            throw ValidationError(Self.withFlags(error))
        }
    }

    /// `--time-limit` as a duration: a number of seconds, or a number followed by s, m or h.
    func parsedTimeLimit() throws -> Duration? {
        guard let timeLimit else { return nil }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        var text = Substring(timeLimit)
        var unit = 1.0
        if let last = text.last, let u = units[last] {
            unit = u
            text = text.dropLast()
        }
        guard let value = Double(text), value.isFinite, value > 0 else {
            throw ValidationError(
                "invalid --time-limit \(timeLimit): allowed a positive number of seconds, or one followed by s, m or h, e.g. 20m")
        }
        return .milliseconds(Int64((value * unit * 1000).rounded()))
    }

    static let defaultBudget = 96
    static let defaultWeights = "0.1,0.1,0.2,0.1,0.5"
    static let defaultOut = "runs/search"

    /// A library error with this command's flag named where the library names a setting.
    static func withFlags(_ error: CoDesignError) -> String {
        switch error {
        case .invalidWeights(let reason):
            return "invalid --weights: \(reason)"
        case .invalidSetting(let name, let value, let allowed):
            return flags[name].map { "invalid \($0) \(value): allowed \(allowed)" } ?? error.description
        case .runExists(let path):
            return "\(error) (continue it with --resume \(path), or give another --out)"
        case .runLocked:
            return "\(error) (give another --out)"
        case .noFeasiblePair(let path, _, _):
            return "\(error) (--resume \(path) --budget N)"
        default:
            return error.description
        }
    }

    func settings() throws -> SearchSettings {
        let searchMode: SearchMode
        switch mode ?? "codesign" {
        case "hw-nas": searchMode = .hardwareAwareNAS(try Catalog.accelerator(accelerator ?? "acceltran-server"))
        case "accelerator":
            let fixed = try Catalog.model(model ?? "bert-base")
            // The run stores a fixed model as its embeddings: a decomposition they cannot hold
            // (4 cores, mixed ranks) is refused here rather than searched in its dense form.
            _ = try DesignPoint.decompositionRecord(of: fixed)
            searchMode = .acceleratorSearch(fixed)
        default: searchMode = .codesign
        }
        return SearchSettings(
            strategy: strategy ?? .standard, budget: budget ?? Self.defaultBudget, seed: try parsedSeed(), batchSize: batch ?? 8,
            patience: patience ?? 0, mode: searchMode, objective: try Objective.parse(weights ?? Self.defaultWeights),
            objectiveScale: objectiveScale ?? .defaultKind, constraints: try constraint.map(Constraint.parse),
            workload: workload ?? .training,
            table: table ?? TableCatalog.defaultName, accuracyTable: accuracyTable,
            accuracySource: accuracySource ?? AccuracyModel.defaultSource(root: ProjectFiles.root), decomposes: decompose)
    }

    /// A resumed run's (or comparison's) stored settings, extended to `--budget` when it is
    /// given. A different `--objective-scale` is refused: the log's scores are on the stored one.
    func resumedSettings(_ directory: String) throws -> SearchSettings {
        let stored =
            compare ? try SearchSession.storedComparisonSettings(in: directory) : try SearchSession.storedSettings(in: directory)
        if let objectiveScale, objectiveScale != stored.objectiveScale {
            throw CoDesignError.resumeMismatch(
                field: "objective scale", stored: stored.objectiveScale.rawValue, given: objectiveScale.rawValue)
        }
        return try budget.map(stored.extended(to:)) ?? stored
    }

    func run() throws {
        let settings: SearchSettings
        do {
            settings = try resume.map(resumedSettings) ?? self.settings()
        } catch let error as CoDesignError {
            throw CLIError(Self.withFlags(error))
        }
        let directory = resume ?? out ?? Self.defaultOut
        let timeLimit = try parsedTimeLimit()
        do {
            let evaluator = try Evaluator(settings: settings, root: ProjectFiles.root)
            if compare {
                let report = try SearchSession.compare(
                    settings, evaluator: evaluator, in: directory, resume: resume != nil, timeLimit: timeLimit,
                    starting: { FileHandle.standardError.write(Data("== \($0.rawValue)\n".utf8)) }, progress: Self.report)
                print(Render.searchComparison(report), terminator: "")
            } else {
                let report = try SearchSession.run(
                    settings, evaluator: evaluator, in: directory, resume: resume != nil, timeLimit: timeLimit, progress: Self.report)
                print(Render.search(report), terminator: "")
                if let measured = evaluator.accuracy.measuredPredictor {
                    // The accuracy column is a prediction; say from what, and whether it extrapolates.
                    let outside = evaluator.accuracy.isOutsideDomain(report.outcome.best.evaluation.point.model)
                    print(
                        "accuracy: \(measured.dataset) test accuracy predicted from \(measured.measurements) measured models (setting \(measured.setting))"
                            + (outside ? "; the best model is OUTSIDE the measured domain: measure it before trusting it" : ""))
                }
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
extension ObjectiveScale.Kind: ExpressibleByArgument {}
extension AccuracySource: ExpressibleByArgument {}
