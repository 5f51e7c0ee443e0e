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
    /// The declared scale that turns figures into the objective's terms.
    package let scale: ObjectiveScale
    /// The fidelity a finished run re-scores its best candidates and the reference pairs at:
    /// the cycle-level mode for the search's report; tests that check no re-scored figure
    /// use the fast mode, since a cycle-level BERT-Base training run takes most of a
    /// minute in a debug build.
    package var rescoringFidelity: SimulationRequest.Fidelity = .cycle

    package init(
        table: HardwareTable, accuracy: AccuracyModel, objective: Objective, constraints: [Constraint],
        workload: Workload, scale: ObjectiveScale, sequenceLength: Int = 128
    ) {
        self.scale = scale
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

    /// Simulates and scores `point` as entry `sequence` of a run: the point is infeasible (at
    /// P_MIN) when its accuracy is not grounded in a measurement (a decomposition beyond the
    /// measured ones) or when it violates a constraint.
    package func evaluate(
        _ point: DesignPoint, sequence: Int, origin: String, scale: ObjectiveScale, predicted: Double? = nil, predictedStd: Double? = nil
    ) -> Evaluation {
        let m = measure(point)
        let violated = accuracy.unmeasuredDecomposition(point.model) ?? violation(m)?.description
        return Evaluation(
            sequence: sequence, origin: origin, point: point, measurement: m,
            performance: violated == nil ? performance(m, scale: scale) : Objective.minimumPerformance, violated: violated,
            predicted: predicted, predictedStd: predictedStd)
    }

    /// The first violated constraint, if any.
    package func violation(_ m: PairMeasurement) -> Constraint? {
        constraints.first { !$0.allows(m.value(of: $0.quantity)) }
    }

    /// Weighted performance on `scale` (the run's stored scale), or P_MIN for a violator.
    package func performance(_ m: PairMeasurement, scale: ObjectiveScale) -> Double {
        if violation(m) != nil { return Objective.minimumPerformance }
        return scale.performance(m, objective: objective)
    }

    /// Weighted performance on the evaluator's own scale, or P_MIN for a violator.
    package func performance(_ m: PairMeasurement) -> Double { performance(m, scale: scale) }
}
