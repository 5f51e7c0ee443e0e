import AccuracyMeasurement
import ArgumentParser
import Compression
import CostModel
import DesignSpace
import Elector
import Foundation
import Training

/// `transcode compress`: HEAT's tensor-train compression of a model for an accelerator.
struct CompressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compress", abstract: "Tensor-train compression of a model for an accelerator (HEAT).",
        discussion: """
            Decomposes every feed-forward stage, output projection and width projection of the \
            model into tensor-train cores, for each --cores and --ranks, once with the most even \
            factors and once with the shape that the accelerator runs at least energy-delay product \
            (each matrix's shapes tried in the fast mode); each matrix contracts along the path of \
            fewest lane cycles on the accelerator. Prints the dense baseline and every candidate \
            with parameters, MACs, latency, energy, EDP and its reduction, and, unless \
            --no-accuracy, the test accuracy on Fashion-MNIST measured by HEAT's flow: the dense \
            teacher is trained at --setting, its weights decomposed by TT-SVD into each candidate, \
            then distilled in two stages (layer outputs, then soft targets with the labels). \
            HEAT's published figures are printed beside. Writes DIR/compress.csv, DIR/compress.svg \
            (the EDP-accuracy Pareto front) and DIR/models/*.json (the candidates' model dicts).

            Examples:
              transcode compress --model bert-tiny --accelerator acceltran-edge --out runs/compress
              transcode compress --model bert-tiny --accelerator acceltran-edge --no-accuracy --ranks 4,8,16,32 --out runs/tt
              transcode compress --model fb-star --accelerator elector-star --setting tiny --out runs/fb
              transcode compress --model fb-star --accelerator elector-star --ranks 4,16 --cores 2 --dynaprop 0.01,0.0001 --out runs/fb-dp
            """)

    @Option(help: "A built-in model or a model-dict JSON file (dense).") var model: String
    @Option(help: "A built-in accelerator, a YAML/JSON file or index:N.") var accelerator: String
    @Option(help: "Hardware table: nangate45, acceltran-14nm or a file (default: the calibrated table).") var table: String?
    @Option(help: "inference or training.") var mode: Workload = .inference
    @Option(help: "Core counts, comma-separated (2, 3).") var cores: String = "2,3"
    @Option(help: "Ranks, comma-separated.") var ranks: String = "4,16"
    @Flag(help: "The figures from the fast mode instead of the cycle-level mode.") var fast = false
    @Flag(help: "Skip training: simulate only.") var noAccuracy = false
    @Option(help: "Training setting of the teacher and students: reduced, full or tiny.") var setting: String = "reduced"
    @Option(help: "Epochs of each distillation stage.") var distillationEpochs: Int = 1
    @Option(
        parsing: .unconditional,
        help:
            "DynaProp thresholds tau_I,tau_T for the simulations and the training of teacher and students (default: simulated at the paper's 0.01,0.0001, trained without pruning; 0,0 switches it off in both)."
    ) var dynaprop: String?
    @Option(help: "Seed of the training.") var seed: UInt64 = 0
    @Option(help: "Folder for compress.csv, compress.svg and models/ (created if missing).") var out: String

    func validate() throws {
        do {
            try CompressionStudy.Settings.check(cores: try integers(cores, "--cores"), ranks: try integers(ranks, "--ranks"))
        } catch let error as CompressionError {
            throw ValidationError(error.description)
        }
        guard (0...100).contains(distillationEpochs) else {
            throw ValidationError("--distillation-epochs must be between 0 and 100, got \(distillationEpochs)")
        }
        if !noAccuracy { _ = try MeasurementSetting.named(setting) }
    }

    private func integers(_ text: String, _ option: String) throws -> [Int] {
        let values = try ArgumentParsing.numbers(text, what: option)
        guard !values.isEmpty, values.allSatisfy({ $0 == $0.rounded() && $0 >= 1 && $0 <= 4096 }) else {
            throw ValidationError("\(option) takes comma-separated integers from 1 to 4096, got '\(text)'")
        }
        return values.map { Int($0) }
    }

    func run() throws {
        let dense = try Catalog.model(model)
        try CompressionStudy.check(dense)
        let config = try Catalog.accelerators(accelerator)
        guard config.count == 1 else { throw ValidationError("--accelerator takes one accelerator, got \(config.count)") }
        var settings = CompressionStudy.Settings(
            accelerator: config[0].config, table: try TableCatalog.load(table), workload: mode, cores: try integers(cores, "--cores"),
            ranks: try integers(ranks, "--ranks"), fidelity: fast ? .fast : .cycle)
        var thresholds: DynaPropThresholds?
        if let dynaprop {
            let setting = try ArgumentParsing.dynaProp(dynaprop, profile: nil, model: dense, modelName: model).setting
            settings.dynaProp = setting
            if setting.tauI != 0 || setting.tauT != 0 {
                do { thresholds = try DynaPropThresholds(tauI: setting.tauI, tauT: setting.tauT) } catch {
                    throw ValidationError(error.description)
                }
            }
        }
        var accuracy: CompressionStudy.AccuracySettings?
        if !noAccuracy {
            let measurement = try MeasurementSetting.named(setting)
            var training = measurement.trainingSettings(seed: seed, threads: 2)
            training.dynaProp = thresholds
            accuracy = CompressionStudy.AccuracySettings(
                dataset: try FashionMNIST(), training: training,
                distillation: DistillationSettings(hiddenEpochs: distillationEpochs, predictionEpochs: distillationEpochs),
                memoryLimit: Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.75))
        }
        try FileManager.default.createDirectory(atPath: out + "/models", withIntermediateDirectories: true)
        let report = try CompressionStudy.run(dense, settings: settings, accuracy: accuracy)
        try OutputPath.write(report.csv, to: out + "/compress.csv")
        try OutputPath.write(report.svg, to: out + "/compress.svg")
        for (i, row) in report.rows.enumerated() {
            try OutputPath.write(
                ModelDict.render(row.model), to: out + "/models/\(String(format: "%02d", i))-\(Self.fileName(row.label)).json")
        }
        print(Render.compression(report, model: model, accelerator: config[0].name, setting: noAccuracy ? nil : setting), terminator: "")
        if let dynaprop {
            print(
                "DynaProp tau_I,tau_T = \(dynaprop) in every simulation\(noAccuracy ? "" : " and in the training of teacher and students")")
        }
        print("wrote \(out)/compress.csv, \(out)/compress.svg and \(report.rows.count) model dicts in \(out)/models")
    }

    static func fileName(_ label: String) -> String {
        label.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "=", with: "")
    }
}
