import AccuracyMeasurement
import ArgumentParser
import DesignSpace
import Foundation
import Training

/// `transcode dynaprop sweep`: trains one model over a (tau_I, tau_T) grid and writes the
/// paper's Figs. 7-9 and the measured sparsity profile.
struct DynaPropSweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "Train one model over a grid of DynaProp thresholds and plot accuracy and sparsity.",
        discussion: """
            Trains --model once per (tau_I, tau_T) point on Fashion-MNIST at a declared setting \
            (\(MeasurementSetting.declared.map(\.summary).joined(separator: "; "))), every point \
            with the same seed, DynaProp pruning activations below tau_I and gradients below \
            tau_T, and the encoder's weight matrices magnitude-pruned to --weight-sparsity \
            (static, as the paper's weights are). Appends one JSON line per finished point to \
            DIR/sweep.jsonl; rerunning the same command resumes (finished points are skipped). \
            The defaults are the grid of data/dynaprop-profiles/bert-tiny.json. When the grid is complete, writes DIR/sweep.csv, the paper's Figs. 7(a) accuracy and \
            7(b) net sparsity over the grid, 8(a) accuracy and 8(b) gradient sparsity against \
            tau_T, and 9 accuracy against net sparsity (the mean of activation and gradient \
            sparsity), each as SVG and CSV; DIR/profile.json, the measured sparsity profile that \
            `transcode simulate --profile` reads; and DIR/dynaprop-accuracy.json, the measured \
            accuracy changes in the layout of data/dynaprop-accuracy.json.

            Examples:
              transcode dynaprop sweep --model bert-tiny --out runs/dynaprop-bert-tiny
              transcode dynaprop sweep --model bert-tiny --tau-i 0,0.01,0.1,0.5 --tau-t 0,0.0001,0.001 --weight-sparsity 0.7 --out runs/dp
              transcode dynaprop sweep --model my-model.json --tau-i 0,0.01 --tau-t 0,0.0001 --setting tiny --seed 3 --out /tmp/dp
            """)

    @Option(help: "A built-in model or a model-dict JSON file.") var model: String
    @Option(name: .customLong("tau-i"), parsing: .unconditional, help: "Increasing tau_I values in [0, 1], comma-separated.")
    var tauI: String = "0,0.001,0.01,0.05,0.2"
    @Option(name: .customLong("tau-t"), parsing: .unconditional, help: "Increasing tau_T values in [0, 1], comma-separated.")
    var tauT: String = "0,0.00001,0.0001,0.001"
    @Option(help: "Static weight sparsity of the encoder's weight matrices, in [0, 1).") var weightSparsity: Double = 0.5
    @Option(help: "reduced, full or tiny (tests).") var setting: String = "reduced"
    @Option(help: "Seed of every point's training.") var seed: UInt64 = 0
    @Option(help: "OpenBLAS threads.") var threads: Int = 2
    @Option(help: "Folder for plan.json, sweep.jsonl and the figures (created if missing; its parent must exist).") var out: String

    func validate() throws {
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64, got \(threads)") }
        // A bad model, setting or grid is a usage error (exit 64), like any other option.
        do { _ = try plan() } catch let error as ValidationError { throw error } catch {
            throw ValidationError(String(describing: error))
        }
    }

    /// The plan the options describe; every check that needs no training happens here.
    private func plan() throws -> DynaPropSweepPlan {
        let architecture = try Catalog.model(model)
        return try DynaPropSweepPlan(
            modelName: model, model: architecture, setting: try MeasurementSetting.named(setting), seed: seed,
            tauI: try ArgumentParsing.numbers(tauI, what: "--tau-i"), tauT: try ArgumentParsing.numbers(tauT, what: "--tau-t"),
            weightSparsity: weightSparsity)
    }

    func run() throws {
        let folder = DynaPropSweepFolder(out)
        let plan = try folder.prepare(try plan())
        AccuracyMeasureCommand.emit(
            "plan: \(plan.modelName), \(plan.tauI.count) x \(plan.tauT.count) thresholds, weight sparsity \(plan.weightSparsity), "
                + "setting \(plan.setting.summary), seed \(plan.seed); log \(folder.log.path)")
        let limit = Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.75)
        let dataset = try FashionMNIST()
        let sweep = DynaPropSweep(dataset: dataset, threads: threads, memoryLimit: limit, commit: TrainCommand.commit())
        let records = try sweep.run(folder) { record, done, total in
            AccuracyMeasureCommand.emit(
                String(
                    format: "[%d/%d] tau_I %g, tau_T %g: test accuracy %.4f, activation rho %.3f, gradient rho %.3f, %.1f s", done, total,
                    record.tauI, record.tauT, record.testAccuracy, record.activationRho, record.gradientRho, record.trainingSeconds))
        }
        let command = (["transcode"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let report = try DynaPropSweepReport(
            plan: plan, records: records, logPath: folder.log.path, command: command, dataSet: dataset.name)
        let paths = try report.write(to: out)
        for line in Self.table(report) { print(line) }
        print("wrote \(paths.count) files in \(out): \(paths.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))")
    }

    /// The printed table: one row per grid point.
    static func table(_ report: DynaPropSweepReport) -> [String] {
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(width - text.count, 0)) + text }
        let header = ["tau_I", "tau_T", "accuracy", "w rho", "a rho", "g rho", "net", "eff fwd", "eff bwd"]
        let widths = [8, 8, 9, 7, 7, 7, 7, 8, 8]
        var lines = [zip(header, widths).map { pad($0, $1) }.joined(separator: " ")]
        for r in report.records {
            let cells =
                ["\(r.tauI)", "\(r.tauT)", String(format: "%.4f", r.testAccuracy)]
                + [r.weightRho, r.activationRho, r.gradientRho, r.netSparsity, r.forwardEffectualFraction, r.backwardEffectualFraction].map
            {
                String(format: "%.3f", $0)
            }
            lines.append(zip(cells, widths).map { pad($0, $1) }.joined(separator: " "))
        }
        return lines
    }
}
