import AccuracyMeasurement
import ArgumentParser
import Foundation
import Training

/// `transcode accuracy consistency`: measures the same models at two settings and reports
/// how well the cheaper one ranks them (Spearman).
struct AccuracyConsistencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency", abstract: "Rank consistency of a reduced measuring setting against a fuller one (Spearman).",
        discussion: """
            Trains the first --models models of the stratified sample at --setting and at \
            --against, in DIR/<setting> and DIR/<against> (each an `accuracy measure` folder, so \
            an interrupted check resumes), and prints Spearman's rho between their test \
            accuracies.

            Examples:
              transcode accuracy consistency --models 10 --out runs/consistency
              transcode accuracy consistency --models 12 --setting tiny --against reduced --out runs/quick
            """)

    @Option(help: "Models to train at both settings (at least 3).") var models: Int = 10
    @Option(help: "Folder for the two measurement folders.") var out: String
    @Option(help: "The cheaper setting.") var setting: String = "reduced"
    @Option(help: "The fuller setting.") var against: String = "full"
    @Option(help: "Seed of the sample and of training.") var seed: UInt64 = 0
    @Option(help: "OpenBLAS threads.") var threads: Int = 2

    func validate() throws {
        guard (3...10_000).contains(models) else { throw ValidationError("--models must be between 3 and 10000, got \(models)") }
        guard setting != against else { throw ValidationError("--setting and --against must differ, both are '\(setting)'") }
        _ = try MeasurementSetting.named(setting)
        _ = try MeasurementSetting.named(against)
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false) } catch {
                throw CLIError("cannot create --out \(out): its parent folder does not exist or is not writable")
            }
        }
        let limit = Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.75)
        let measurer = AccuracyMeasurer(dataset: try FashionMNIST(), threads: threads, memoryLimit: limit, commit: TrainCommand.commit())
        var logs: [[MeasurementRecord]] = []
        for name in [setting, against] {
            let folder = MeasurementFolder("\(out)/\(name)")
            let plan = try folder.prepare(MeasurementPlan(count: models, setting: try MeasurementSetting.named(name), seed: seed))
            AccuracyMeasureCommand.emit("\(name): \(plan.setting.summary)")
            logs.append(
                try measurer.run(folder) { record, done, total in
                    AccuracyMeasureCommand.emit("[\(name) \(done)/\(total)] " + AccuracyMeasureCommand.line(record))
                })
        }
        let consistency = RankConsistency(logs[0], logs[1])
        guard let rho = consistency.spearman else {
            throw CLIError("the two settings share \(consistency.pairs) measured models with distinct accuracies: too few for Spearman")
        }
        AccuracyMeasureCommand.emit(
            String(format: "rank consistency of %@ against %@ on %d models: Spearman %.3f", setting, against, consistency.pairs, rho))
    }
}
