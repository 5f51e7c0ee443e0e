import DesignSpace
import Elector
import Training

/// A compression study's figures: one row per model (the dense baseline first), with HEAT's
/// published figures to set them beside.
package struct CompressionReport: Sendable {
    /// One evaluated model.
    package struct Row: Sendable {
        package let label: String
        package let cores: Int?
        package let rank: Int?
        package let shaping: Shaping?
        package let model: TransformerModel
        /// Learned parameters of the full-size model.
        package let parameters: Int
        /// Dense-equivalent MACs the simulator ran (the contraction paths' for decomposed
        /// matrices).
        package let macs: Double
        package let cycles: Int
        package let seconds: Double
        package let energyJ: Double
        /// Energy-delay product, J s.
        package let edp: Double
        /// The dense baseline's EDP over this row's.
        package let edpReduction: Double
        /// Measured test accuracy (the teacher's for the dense row), when measured.
        package let accuracy: Double?
        /// Test accuracy right after TT-SVD, before distillation.
        package let decomposedAccuracy: Double?
        /// Relative Frobenius error of the decomposition of the trained weights.
        package let relativeError: Double?

        init(
            label: String, cores: Int?, rank: Int?, shaping: Shaping?, model: TransformerModel, simulation: SimulationResult,
            baseline: SimulationResult, accuracy: Double?, decomposedAccuracy: Double?, relativeError: Double?
        ) {
            self.label = label
            self.cores = cores
            self.rank = rank
            self.shaping = shaping
            self.model = model
            parameters = model.parameterCount
            macs = simulation.denseMACs
            cycles = simulation.cycles
            seconds = simulation.seconds
            energyJ = simulation.totalDynamicEnergyJ + simulation.totalLeakageEnergyJ
            edp = energyJ * seconds
            edpReduction = CompressionStudy.edp(baseline) / edp
            self.accuracy = accuracy
            self.decomposedAccuracy = decomposedAccuracy
            self.relativeError = relativeError
        }
    }

    package let accelerator: AcceleratorConfig
    package let table: String
    package let workload: Workload
    package let fidelity: String
    package let rows: [Row]
    /// The training behind the accuracies, when measured.
    package let distillation: DistillationResult?

    /// HEAT's published result (Gu et al., "HEAT: Hardware-Efficient Automatic Tensor
    /// Decomposition for Transformer Compression", NeurIPS ML for Systems workshop 2022,
    /// abstract): factorised BERT variants with 5.7x lower energy-delay product at less than
    /// 1.1% accuracy loss.
    package static let publishedEDPReduction = 5.7
    package static let publishedAccuracyLoss = 0.011
    package static let publishedSource =
        "HEAT (Gu et al., NeurIPS ML for Systems workshop 2022): BERT variants, 5.7x lower EDP, < 1.1% accuracy loss"

    /// Rows on the front of least EDP and most accuracy (all rows when accuracy was not
    /// measured, on EDP and parameters instead), in increasing EDP.
    package var front: [Int] {
        let order = rows.indices.sorted { (rows[$0].edp, $0) < (rows[$1].edp, $1) }
        var result: [Int] = []
        var best = -Double.infinity
        for i in order {
            let merit = rows[i].accuracy ?? -Double(rows[i].parameters)
            if merit > best {
                result.append(i)
                best = merit
            }
        }
        return result
    }
}
