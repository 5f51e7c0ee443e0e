import ArgumentParser
import DesignSpace
import Foundation
import ProjectLayout
import Training

/// `transcode train`: trains one model of the space on a classification data set.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Train a FlexiBERT 2.0 model on Fashion-MNIST or a tokenised JSONL task.",
        discussion: """
            Models: a built-in name (bert-tiny, bert-base, fb-star) or a model-dict JSON file, as \
            for `transcode simulate`. Data sets: fashion-mnist (Debian dataset-fashion-mnist, \
            images read as 16 tokens of 7 x 7 patches) or jsonl:FILE with one \
            {"split": "train" or "test", "label": 0, "tokens": [101, 2023, 102]} per line. \
            Validation examples come from the training split; the test split is evaluated once, at \
            the end. --dynaprop tau_I,tau_T prunes activations below tau_I and gradients below \
            tau_T at every matrix product and writes the measured sparsity profile into the result. \
            --weight-sparsity S prunes each encoder weight matrix to S by magnitude (static, as the \
            paper's Section V-A has it; refreshed over the first half of training, then frozen). \
            Writes DIR/result.json.

            Examples:
              transcode train --model bert-tiny --epochs 2 --out runs/bert-tiny
              transcode train --model bert-tiny --samples 5000 --dynaprop 0.01,0.0001 --out runs/dp
              transcode train --model bert-tiny --samples 5000 --dynaprop 0.01,0.0001 --weight-sparsity 0.5 --out runs/dp50
              transcode train --model my-model.json --dataset jsonl:sst2.jsonl --optimizer sgd --lr 0.05 --out runs/sst2
            """)

    @Option(help: "A built-in model or a model-dict JSON file.") var model: String
    @Option(parsing: .unconditional, help: "DynaProp thresholds tau_I,tau_T, each in [0, 1].") var dynaprop: String?
    @Option(
        help: "Static weight sparsity of the encoder's weight matrices, in [0, 1) (magnitude pruning; the paper holds 0.5).")
    var weightSparsity: Double?
    @Option(help: "fashion-mnist or jsonl:FILE.") var dataset: String = "fashion-mnist"
    @Option(help: "Passes over the training examples.") var epochs: Int = 1
    @Option(help: "Training examples per epoch (default: all but the validation set).") var samples: Int?
    @Option(help: "Examples per batch.") var batch: Int = 32
    @Option(help: "adam or sgd (with momentum 0.9).") var optimizer: OptimizerKind = .adam
    @Option(help: "Learning rate (default 0.001 for adam, 0.05 for sgd).") var lr: Double?
    @Option(help: "Seed of initial weights, validation split and batch order.") var seed: UInt64 = 0
    @Option(help: "Folder for result.json (created if missing).") var out: String

    func validate() throws {
        guard (1...1000).contains(epochs) else { throw ValidationError("--epochs must be between 1 and 1000, got \(epochs)") }
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1, got \(samples)") }
        guard (1...4096).contains(batch) else { throw ValidationError("--batch must be between 1 and 4096, got \(batch)") }
        if let lr, !(lr > 0 && lr <= 10) { throw ValidationError("--lr must be in (0, 10], got \(lr)") }
        guard dataset == "fashion-mnist" || (dataset.hasPrefix("jsonl:") && dataset.count > "jsonl:".count) else {
            throw ValidationError("--dataset takes fashion-mnist or jsonl:FILE, got '\(dataset)'")
        }
        if let weightSparsity, !(weightSparsity >= 0 && weightSparsity < 1) {
            throw ValidationError("--weight-sparsity must be in [0, 1), e.g. 0.5; got \(weightSparsity)")
        }
        _ = try thresholds()
    }

    func run() throws {
        let architecture = try Catalog.model(model)
        let outputFile = out + "/result.json"
        try prepareFolder()
        let data: any TrainingDataset =
            dataset == "fashion-mnist" ? try FashionMNIST() : try TokenSequenceFile(path: String(dataset.dropFirst("jsonl:".count)))
        let settings = TrainingSettings(
            epochs: epochs, samples: samples, batchSize: batch, optimizer: optimizer, learningRate: lr, seed: seed,
            dynaProp: try thresholds(), weightSparsity: weightSparsity)
        let limit = Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.75)
        let result = try Trainer.train(model: architecture, dataset: data, settings: settings, memoryLimit: limit)
        let record = TrainRecord(
            model: model, architecture: architecture, dataset: data.name, setting: settings, seed: seed, commit: Self.commit(),
            result: result)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try OutputPath.write(String(decoding: try encoder.encode(record), as: UTF8.self) + "\n", to: outputFile)
        for line in Self.summary(model: model, result: result) { print(line) }
        print("wrote \(outputFile)")
    }

    /// The summary lines the command prints.
    static func summary(model: String, result: TrainingResult) -> [String] {
        let s = result.settings
        var lines = [
            "trained \(model) (\(result.parameters) parameters) on \(result.dataset): \(result.trainingExamples) training, "
                + "\(result.validationExamples) validation, \(result.testExamples) test examples; batch \(s.batchSize), "
                + "\(s.optimizer.rawValue) lr \(s.learningRate), seed \(s.seed)"
        ]
        for epoch in result.epochs {
            lines.append(
                String(
                    format: "epoch %d: loss %.4f, training accuracy %.4f, validation accuracy %.4f, %.0f samples/s (%.1f s)", epoch.epoch,
                    epoch.meanLoss, epoch.trainingAccuracy, epoch.validationAccuracy, epoch.samplesPerSecond, epoch.seconds))
        }
        lines.append(String(format: "test accuracy: %.4f", result.testAccuracy))
        if let profile = result.profile {
            let t = profile.total
            lines.append(
                String(
                    format:
                        "DynaProp tau_I %g, tau_T %g: weight rho %.3f, activation rho %.3f, gradient rho %.3f, effectual MACs %.3f forward, %.3f backward",
                    profile.thresholds.tauI, profile.thresholds.tauT, t.weightRho ?? 0, t.activationRho ?? 0, t.gradientRho ?? 0,
                    t.forwardEffectualFraction ?? 0, t.backwardEffectualFraction ?? 0))
        }
        return lines
    }

    private func thresholds() throws -> DynaPropThresholds? {
        guard let dynaprop else { return nil }
        let values = try ArgumentParsing.numbers(dynaprop, what: "--dynaprop")
        guard values.count == 2, values.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw ValidationError("--dynaprop takes two thresholds tau_I,tau_T in [0, 1], e.g. 0.01,0.0001; got '\(dynaprop)'")
        }
        return try DynaPropThresholds(tauI: values[0], tauT: values[1])
    }

    /// Creates the output folder (its parent must exist) and checks result.json is writable
    /// before any training starts.
    private func prepareFolder() throws {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
            } catch {
                throw CLIError("cannot create --out \(out): its parent folder does not exist or is not writable")
            }
        } else if !isDirectory.boolValue {
            throw CLIError("--out \(out) is a file, not a folder: choose a folder")
        }
        try OutputPath.checkWritable(out + "/result.json")
    }

    /// The checkout's commit, if git can tell.
    static func commit() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", ProjectFiles.root, "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && text.count == 40 ? text : nil
    }
}

extension OptimizerKind: ExpressibleByArgument {}
