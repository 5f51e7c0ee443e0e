import CostModel
import DesignSpace
import Elector

/// Scores design points: ELECTOR for the hardware figures, the accuracy model for accuracy,
/// the objective for the weighted performance, constraints for P_MIN.
package struct Evaluator: Sendable {
    package let table: HardwareTable
    package let accuracy: AccuracyModel
    package let objective: Objective
    package let constraints: [Constraint]
    package let workload: Workload
    package let sequenceLength: Int
    /// The fidelity a finished run re-scores its best candidates and the reference pairs at:
    /// the cycle-level mode for the search's report; tests that check no re-scored figure
    /// use the fast mode, since a cycle-level BERT-Base training run takes most of a
    /// minute in a debug build.
    package var rescoringFidelity: SimulationRequest.Fidelity = .cycle

    package init(
        table: HardwareTable, accuracy: AccuracyModel, objective: Objective, constraints: [Constraint],
        workload: Workload, sequenceLength: Int = 128
    ) {
        self.table = table
        self.accuracy = accuracy
        self.objective = objective
        self.constraints = constraints
        self.workload = workload
        self.sequenceLength = sequenceLength
    }

    /// Simulates `point` and returns per-sequence figures.
    package func measure(_ point: DesignPoint, fidelity: SimulationRequest.Fidelity = .fast) -> PairMeasurement {
        let dynaProp =
            (point.tauI == 0 && point.tauT == 0)
            ? DynaPropSetting.off : try! DynaPropSetting(tauI: point.tauI, tauT: point.tauT, profile: .paperDefault)
        let result = Simulator.simulate(
            SimulationRequest(
                model: point.model, accelerator: point.accelerator, table: table, workload: workload, dynaProp: dynaProp,
                sequenceLength: sequenceLength, fidelity: fidelity))
        let batch = Double(point.accelerator.batchSize)
        return PairMeasurement(
            accuracy: accuracy.accuracy(of: point.model, tauI: point.tauI, tauT: point.tauT),
            latencyMS: result.seconds * 1e3 / batch, areaMM2: result.totalAreaMM2,
            dynamicEnergyJ: result.totalDynamicEnergyJ / batch, leakageEnergyJ: result.totalLeakageEnergyJ / batch,
            layers: point.model.layers.count)
    }

    /// The first violated constraint, if any.
    package func violation(_ m: PairMeasurement) -> Constraint? {
        constraints.first { !$0.allows(m.value(of: $0.quantity)) }
    }

    /// Weighted performance, or P_MIN for a violator.
    package func performance(_ m: PairMeasurement, normalizers n: Normalizers) -> Double {
        if violation(m) != nil { return Objective.minimumPerformance }
        return objective.performance(
            latency: m.latencyMS / n.latencyMS, area: m.areaMM2 / n.areaMM2, dynamicEnergy: m.dynamicEnergyJ / n.dynamicEnergyJ,
            leakageEnergy: m.leakageEnergyJ / n.leakageEnergyJ, accuracy: m.accuracy)
    }

    /// Maxima over a fixed seeded sample of the mode's points: the normalising constants.
    package func normalizers(mode: SearchMode, sample: Int = 48, seed: UInt64) -> Normalizers {
        var rng = SeededGenerator(seed: seed ^ 0x4E4F_524D)
        let points = (0..<sample).map { _ in mode.randomPoint(using: &rng) }
        let figures = points.map { measure($0) }
        return Normalizers(
            latencyMS: figures.map(\.latencyMS).max()!, areaMM2: figures.map(\.areaMM2).max()!,
            dynamicEnergyJ: figures.map(\.dynamicEnergyJ).max()!, leakageEnergyJ: figures.map(\.leakageEnergyJ).max()!)
    }
}
