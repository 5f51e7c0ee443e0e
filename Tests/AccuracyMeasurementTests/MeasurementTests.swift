import AccuracyMeasurement
import DesignSpace
import Foundation
import TestSupport
import Testing
import Training

/// The stratified plan, the append-only log and its resumption, on a tiny synthetic data set.
@Suite struct MeasurementTests {
    /// 16 tokens of 49 features (Fashion-MNIST's shape), 10 classes from the first feature.
    struct Synthetic: TrainingDataset {
        let name = "synthetic"
        let tokenization = "16 tokens of 49 features"
        let input = TokenInput.features(width: 49)
        let classes = 10
        let training: LabeledExamples
        let test: LabeledExamples

        init() {
            func make(_ n: Int, seed: UInt64) -> LabeledExamples {
                var generator = SeededGenerator(seed: seed)
                var inputs: [Float] = []
                var labels: [Int32] = []
                for _ in 0..<n {
                    let values = (0..<(16 * 49)).map { _ in Float(generator.nextGaussian()) }
                    inputs += values
                    labels.append(Int32(min(9, max(0, Int((values[0] + 2.5) * 2)))))
                }
                return LabeledExamples(inputs: inputs, labels: labels, sequenceLength: 16, tokenWidth: 49)
            }
            training = make(200, seed: 1)
            test = make(40, seed: 2)
        }
    }

    @Test func everyStratumChoiceAppearsEvenly() {
        let models = StratifiedSample.models(count: 84, seed: 3)
        let depths = Dictionary(grouping: models, by: \.layers.count).mapValues(\.count)
        #expect(depths == Dictionary(uniqueKeysWithValues: TransformerSpace.layerCounts.map { ($0, 14) }))
        let widths = Dictionary(grouping: models) { $0.layers[0].hiddenSize }.mapValues(\.count)
        #expect(widths == Dictionary(uniqueKeysWithValues: TransformerSpace.hiddenSizes.map { ($0, 21) }))
        let stacks = Dictionary(grouping: models) { $0.layers[0].feedForward.count }.mapValues(\.count)
        #expect(stacks == [1: 28, 2: 28, 3: 28])
        for operation in TransformerSpace.headOperationOrder {
            #expect(models.filter { $0.layers[0].heads.contains(operation) }.count >= 12, "\(operation)")
        }
        // Deterministic, and a shorter plan is a prefix of a longer one (so --models can grow).
        #expect(StratifiedSample.models(count: 10, seed: 3) == Array(models.prefix(10)))
        #expect(StratifiedSample.models(count: 10, seed: 4) != Array(models.prefix(10)))
    }

    @Test func resumeSkipsFinishedModelsAndATornLineIsRetrained() throws {
        let dir = try TemporaryDirectory("measure")
        let folder = MeasurementFolder(dir.path + "/run")
        let setting = try MeasurementSetting.named("tiny")
        let plan = try folder.prepare(MeasurementPlan(count: 3, setting: setting, seed: 1, dataset: "synthetic"))
        let measurer = AccuracyMeasurer(dataset: Synthetic(), threads: 1, memoryLimit: 1 << 32, commit: nil)
        // Model 1 finished, then a writer died mid-line while appending model 0.
        let one = try measurer.measure(plan, index: 1, runner: "local")
        #expect(try folder.append(one))
        let torn = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.logPath))
        torn.seekToEndOfFile()
        torn.write(Data(#"{"index":0,"model":"#.utf8))
        try torn.close()
        #expect(try folder.readRecords() == [one])
        var seen: [Int] = []
        let records = try measurer.run(folder) { record, _, _ in seen.append(record.index) }
        #expect(seen == [0, 2])
        #expect(records.map(\.index).sorted() == [0, 1, 2])
        let stored = try folder.readRecords()
        #expect(stored.map(\.index) == [1, 0, 2])
        #expect(stored.allSatisfy { $0.setting == setting && !$0.dynaProp && $0.dataset == "synthetic" })
        #expect(stored[0].embedding == TransformerSpace.embedding(of: plan.models[1]))
        // Appending a model the log holds (a retried Slurm task) writes nothing.
        #expect(try folder.append(one) == false)
        #expect(try folder.readRecords().count == 3)
        // Same seed, same figures.
        #expect(try measurer.measure(plan, index: 1, runner: "local").testAccuracy == one.testAccuracy)
    }

    @Test func aFolderRefusesAnotherPlanAndGrowsAPrefix() throws {
        let dir = try TemporaryDirectory("measure")
        let folder = MeasurementFolder(dir.path + "/run")
        let tiny = try MeasurementSetting.named("tiny")
        _ = try folder.prepare(MeasurementPlan(count: 2, setting: tiny, seed: 1))
        #expect(try folder.prepare(MeasurementPlan(count: 5, setting: tiny, seed: 1)).models.count == 5)
        #expect(try folder.prepare(MeasurementPlan(count: 3, setting: tiny, seed: 1)).models.count == 5)
        #expect(throws: AccuracyMeasurementError.planMismatch(path: folder.planPath, field: "seed", stored: "1", asked: "2")) {
            try folder.prepare(MeasurementPlan(count: 5, setting: tiny, seed: 2))
        }
        #expect(
            "\(AccuracyMeasurementError.planMismatch(path: folder.planPath, field: "seed", stored: "1", asked: "2"))"
                == "\(folder.planPath) was planned with seed 1, not 2: resume with the same options or choose another --out")
        let lock = try folder.lockRun()
        #expect(throws: AccuracyMeasurementError.locked(path: folder.path, command: "transcode accuracy measure")) { try folder.lockRun() }
        close(lock)
    }

    @Test func everyDeclaredSettingIsValidAndCutsTheTestSplit() throws {
        for setting in MeasurementSetting.declared { try setting.trainingSettings(seed: 0, threads: 1).validate() }
        #expect(try MeasurementSetting.named("reduced").widthDivisor == 4)
        #expect(throws: AccuracyMeasurementError.unknownSetting("huge")) { try MeasurementSetting.named("huge") }
        #expect("\(AccuracyMeasurementError.unknownSetting("huge"))" == "unknown --setting 'huge': choose reduced, full or tiny")
        #expect(DatasetSubset(Synthetic(), testSamples: 10).test.count == 10)
        #expect(DatasetSubset(Synthetic(), testSamples: 1000).test.count == 40)
    }

    @Test func slurmArraySyntaxAndAMissingSbatch() throws {
        #expect(SlurmArray.ranges([0, 1, 2, 3, 5, 7, 8, 9]) == "0-3,5,7-9")
        #expect(SlurmArray.ranges([4]) == "4")
        let dir = try TemporaryDirectory("measure")
        let folder = MeasurementFolder(dir.path + "/run")
        _ = try folder.prepare(MeasurementPlan(count: 2, setting: try MeasurementSetting.named("tiny"), seed: 1))
        let array = SlurmArray(taskCommand: ["transcode"], searchPath: dir.path)
        #expect(throws: AccuracyMeasurementError.self) { try array.run(folder) }
        do { _ = try array.run(folder) } catch {
            #expect(
                error.description
                    == "sbatch: not found on PATH; install Slurm's client (Debian: apt-get install slurm-client) and set SLURM_CONF, or run without --slurm"
            )
        }
    }
}
