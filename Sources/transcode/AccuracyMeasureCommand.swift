import AccuracyMeasurement
import ArgumentParser
import Foundation
import Training

/// `transcode accuracy measure`: trains a stratified sample of the space at a declared
/// setting and appends one record per finished model to DIR/accuracy.jsonl.
struct AccuracyMeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Train a stratified sample of the space and log each model's Fashion-MNIST accuracy.",
        discussion: """
            Writes DIR/plan.json (the models in task order, from --models, --setting and --seed) \
            and appends one JSON line per finished model to DIR/accuracy.jsonl. Rerunning the \
            same command resumes: finished models are skipped, a model killed mid-training is \
            trained again. A larger --models extends a folder. Settings (widths divided, \
            samples and epochs cut): \(MeasurementSetting.declared.map(\.summary).joined(separator: "; ")).

            --slurm submits one Slurm job array, one model per task (each task runs \
            `transcode accuracy measure --out DIR --task I`), waits for it, resubmits the \
            tasks that failed once, and reports the ones that failed twice.

            Examples:
              transcode accuracy measure --models 150 --out runs/accuracy
              transcode accuracy measure --models 20 --setting full --seed 7 --out runs/full
              transcode accuracy measure --models 150 --out /shared/accuracy --slurm --partition cpu --array-limit 32
            """)

    @Option(help: "Models in the plan.") var models: Int = 150
    @Option(help: "Folder for plan.json and accuracy.jsonl (created if missing; its parent must exist).") var out: String
    @Option(help: "reduced, full or tiny (tests).") var setting: String = "reduced"
    @Option(help: "Seed of the sample and of every model's training.") var seed: UInt64 = 0
    @Option(help: "OpenBLAS threads per model.") var threads: Int = 2
    @Option(help: "Train only model I of DIR/plan.json (what a Slurm task runs).") var task: Int?
    @Flag(help: "Submit one Slurm job array instead of training here.") var slurm = false
    @Option(help: "Slurm partition (with --slurm).") var partition: String?
    @Option(help: "Most array tasks running at once (with --slurm).") var arrayLimit: Int?

    func validate() throws {
        guard (1...100_000).contains(models) else { throw ValidationError("--models must be between 1 and 100000, got \(models)") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64, got \(threads)") }
        if let arrayLimit, arrayLimit < 1 { throw ValidationError("--array-limit must be at least 1, got \(arrayLimit)") }
        if !slurm && (partition != nil || arrayLimit != nil) { throw ValidationError("--partition and --array-limit need --slurm") }
        if slurm && task != nil { throw ValidationError("--task and --slurm exclude each other") }
        _ = try MeasurementSetting.named(setting)
    }

    func run() throws {
        let folder = MeasurementFolder(out)
        let limit = Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.75)
        if let task {
            // A Slurm task: the plan already exists; train one model and append it under the lock.
            let plan = try folder.readPlan()
            let environment = ProcessInfo.processInfo.environment
            let runner = "slurm job \(environment["SLURM_ARRAY_JOB_ID"] ?? "?") task \(task)"
            let measurer = AccuracyMeasurer(
                dataset: try FashionMNIST(), threads: threads, memoryLimit: limit, commit: TrainCommand.commit())
            let record = try measurer.measure(plan, index: task, runner: runner)
            let written = try folder.append(record)
            AccuracyMeasureCommand.emit(Self.line(record) + (written ? "" : " (already in the log)"))
            return
        }
        let plan = try folder.prepare(MeasurementPlan(count: models, setting: try MeasurementSetting.named(setting), seed: seed))
        AccuracyMeasureCommand.emit(
            "plan: \(plan.models.count) models, setting \(plan.setting.summary), seed \(plan.seed); log \(folder.logPath)")
        if slurm {
            try runSlurm(folder, plan: plan)
            return
        }
        let measurer = AccuracyMeasurer(dataset: try FashionMNIST(), threads: threads, memoryLimit: limit, commit: TrainCommand.commit())
        let records = try measurer.run(folder) { record, done, total in
            AccuracyMeasureCommand.emit("[\(done)/\(total)] " + Self.line(record))
        }
        AccuracyMeasureCommand.emit("\(records.count) of \(plan.models.count) models measured in \(folder.logPath)")
    }

    private func runSlurm(_ folder: MeasurementFolder, plan: MeasurementPlan) throws {
        // Tasks run this same executable on the folder, by absolute paths (a cluster's nodes
        // must see both on a shared file system).
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let directory = URL(fileURLWithPath: out).standardizedFileURL.path
        let array = SlurmArray(
            taskCommand: [executable, "accuracy", "measure", "--out", directory, "--threads", String(threads)], partition: partition,
            arrayLimit: arrayLimit, cpusPerTask: threads)
        let outcome = try array.run(folder) { line in
            AccuracyMeasureCommand.emit(line)
        }
        let records = try folder.readRecords()
        AccuracyMeasureCommand.emit("\(records.count) of \(plan.models.count) models measured in \(folder.logPath)")
        if !outcome.failed.isEmpty {
            throw CLIError(
                "Slurm task(s) \(SlurmArray.ranges(outcome.failed)) failed twice (tried and retried once); see \(out)/slurm/ for their output, then rerun to try them again"
            )
        }
    }

    /// Writes a line unbuffered, so progress shows while models train (and in Slurm output files).
    static func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    /// One model's line of progress.
    static func line(_ r: MeasurementRecord) -> String {
        let shape = r.model.layers.map { "\($0.hiddenSize)" }.joined(separator: "/")
        return String(
            format: "model %d: %d layers (h %@), test accuracy %.4f, validation %.4f, %.1f s", r.index, r.model.layers.count, shape,
            r.testAccuracy, r.validationAccuracy, r.trainingSeconds)
    }
}
