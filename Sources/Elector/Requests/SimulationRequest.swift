import CostModel
import DesignSpace

/// Everything one simulation needs, already validated.
package struct SimulationRequest: Sendable {
    /// Tile-level event-driven simulation, or the analytic estimate (`FastEstimator`).
    package enum Fidelity: String, Sendable, Codable, CaseIterable {
        case cycle, fast
    }

    package var model: TransformerModel
    package var accelerator: AcceleratorConfig
    package var table: HardwareTable
    package var workload: Workload
    package var dynaProp: DynaPropSetting
    package var optimizer: Optimizer
    package var sequenceLength: Int
    package var fidelity: Fidelity
    /// Compose area as AccelTran did (no DynaProp module), to reproduce the paper.
    package var acceltranComposition: Bool
    /// Figures per layer or per operation besides the totals (cycle-level mode only).
    package var breakdown: Breakdown?
    /// The main-memory datasheets and interface mode (`MainMemoryModel`).
    package var memory: MainMemorySetting
    /// Which idle modules are power-gated.
    package var powerGating: PowerGating

    package init(
        model: TransformerModel, accelerator: AcceleratorConfig, table: HardwareTable,
        workload: Workload = .inference, dynaProp: DynaPropSetting = .paperDefault,
        optimizer: Optimizer = .sgd, sequenceLength: Int = 128, fidelity: Fidelity = .cycle,
        acceltranComposition: Bool = false, breakdown: Breakdown? = nil, memory: MainMemorySetting = .standard,
        powerGating: PowerGating = .off
    ) {
        self.model = model
        self.accelerator = accelerator
        self.table = table
        self.workload = workload
        self.dynaProp = dynaProp
        self.optimizer = optimizer
        self.sequenceLength = sequenceLength
        self.fidelity = fidelity
        self.acceltranComposition = acceltranComposition
        self.breakdown = breakdown
        self.memory = memory
        self.powerGating = powerGating
    }
}
