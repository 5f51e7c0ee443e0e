import CostModel
import DesignSpace
import Elector
import Training

/// HEAT's study of one model on one accelerator: the dense baseline and tensor-train
/// candidates (each core count and rank asked for, shaped evenly and by the hardware),
/// simulated on the accelerator, and, when asked, trained by the two-stage distillation
/// flow for their measured accuracy. Returns typed results and prints nothing.
package enum CompressionStudy {
    /// What to evaluate.
    package struct Settings: Sendable {
        package var accelerator: AcceleratorConfig
        package var table: HardwareTable
        package var workload: Workload
        package var cores: [Int]
        package var ranks: [Int]
        /// The fidelity of the figures reported (the shape search always uses the fast mode).
        package var fidelity: SimulationRequest.Fidelity
        /// The DynaProp setting every simulation runs at (the paper's operating point unless
        /// the caller gives thresholds, which then prune in training as well).
        package var dynaProp: DynaPropSetting = .paperDefault

        package init(
            accelerator: AcceleratorConfig, table: HardwareTable, workload: Workload = .inference, cores: [Int] = [2, 3],
            ranks: [Int] = [4, 16], fidelity: SimulationRequest.Fidelity = .cycle
        ) {
            self.accelerator = accelerator
            self.table = table
            self.workload = workload
            self.cores = cores
            self.ranks = ranks
            self.fidelity = fidelity
        }

        func validate() throws(CompressionError) {
            try Self.check(cores: cores, ranks: ranks)
        }

        /// Checks core counts and ranks before any work.
        package static func check(cores: [Int], ranks: [Int]) throws(CompressionError) {
            for c in cores where !DecompositionSpace.coreCounts.contains(c) {
                throw .unsupportedCores(c, allowed: DecompositionSpace.coreCounts)
            }
            for r in ranks where r < 1 { throw .invalidRank(r) }
        }
    }

    /// How accuracy is measured (nil: not measured).
    package struct AccuracySettings: Sendable {
        package var dataset: any TrainingDataset
        package var training: TrainingSettings
        package var distillation: DistillationSettings
        package var memoryLimit: Int

        package init(dataset: any TrainingDataset, training: TrainingSettings, distillation: DistillationSettings, memoryLimit: Int) {
            self.dataset = dataset
            self.training = training
            self.distillation = distillation
            self.memoryLimit = memoryLimit
        }
    }

    /// Every candidate for `model`: per core count and rank, the balanced shape and the
    /// hardware-aware one (searched matrix by matrix, each shape of the encoding tried with
    /// the others held, keeping the least fast-mode EDP).
    package static func candidates(_ model: TransformerModel, settings: Settings) throws -> [CompressionCandidate] {
        try settings.validate()
        var result: [CompressionCandidate] = []
        for cores in settings.cores {
            for rank in settings.ranks {
                let matrices = DecomposedMatrix.sized(in: model.layers).enumerated().flatMap { j, layer in
                    layer.map { (j, $0.matrix, $0.rows, $0.columns) }
                }
                var shapes: [[DecomposedMatrix: TensorTrainShape]] = Array(repeating: [:], count: model.layers.count)
                for (j, matrix, rows, columns) in matrices {
                    guard let even = BalancedShape.of(rows: rows, columns: columns, cores: cores) else { continue }
                    shapes[j][matrix] = try DecompositionSpace.shape(
                        input: even.input, output: even.output, rank: rank, rows: rows, columns: columns, field: "tt[\(j)].\(matrix.key)")
                }
                let balanced = try TransformerModel(layers: model.layers, decomposition: shapes)
                result.append(CompressionCandidate(cores: cores, rank: rank, shaping: .balanced, model: balanced))
                var best = edp(simulate(balanced, settings, fidelity: .fast))
                for (j, matrix, rows, columns) in matrices where shapes[j][matrix] != nil {
                    for option in DecompositionSpace.shapes(rows: rows, columns: columns, cores: cores) {
                        var trial = shapes
                        trial[j][matrix] = try DecompositionSpace.shape(
                            input: option.input, output: option.output, rank: rank, rows: rows, columns: columns,
                            field: "tt[\(j)].\(matrix.key)")
                        let value = edp(
                            simulate(try TransformerModel(layers: model.layers, decomposition: trial), settings, fidelity: .fast))
                        if value < best {
                            best = value
                            shapes = trial
                        }
                    }
                }
                let aware = try TransformerModel(layers: model.layers, decomposition: shapes)
                result.append(CompressionCandidate(cores: cores, rank: rank, shaping: .hardwareAware, model: aware))
            }
        }
        return result
    }

    /// The study: the dense baseline first, then every candidate.
    package static func run(_ model: TransformerModel, settings: Settings, accuracy: AccuracySettings?) throws -> CompressionReport {
        try check(model)
        let candidates = try candidates(model, settings: settings)
        let measured = try accuracy.map { a in
            try Distillation.run(
                teacher: model, students: candidates.map(\.model), dataset: a.dataset, settings: a.training,
                distillation: a.distillation, memoryLimit: a.memoryLimit)
        }
        let dense = simulate(model, settings, fidelity: settings.fidelity)
        var rows = [
            CompressionReport.Row(
                label: "dense", cores: nil, rank: nil, shaping: nil, model: model, simulation: dense, baseline: dense,
                accuracy: measured?.teacher.testAccuracy, decomposedAccuracy: nil, relativeError: nil)
        ]
        for (i, candidate) in candidates.enumerated() {
            let student = measured?.students[i]
            rows.append(
                CompressionReport.Row(
                    label: candidate.label, cores: candidate.cores, rank: candidate.rank, shaping: candidate.shaping,
                    model: candidate.model, simulation: simulate(candidate.model, settings, fidelity: settings.fidelity), baseline: dense,
                    accuracy: student?.testAccuracy, decomposedAccuracy: student?.decomposedAccuracy,
                    relativeError: student?.relativeDecompositionError))
        }
        return CompressionReport(
            accelerator: settings.accelerator, table: settings.table.name, workload: settings.workload,
            fidelity: settings.fidelity.rawValue, rows: rows, distillation: measured)
    }

    /// Refuses a model that already holds tensor-train matrices.
    package static func check(_ model: TransformerModel) throws(CompressionError) {
        guard model.decomposition.isDense else { throw .alreadyDecomposed }
    }

    static func simulate(_ model: TransformerModel, _ settings: Settings, fidelity: SimulationRequest.Fidelity) -> SimulationResult {
        Simulator.simulate(
            SimulationRequest(
                model: model, accelerator: settings.accelerator, table: settings.table, workload: settings.workload,
                dynaProp: settings.dynaProp, fidelity: fidelity))
    }

    /// Energy-delay product in joule-seconds.
    static func edp(_ result: SimulationResult) -> Double {
        (result.totalDynamicEnergyJ + result.totalLeakageEnergyJ) * result.seconds
    }
}
