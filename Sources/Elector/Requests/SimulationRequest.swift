import CostModel
import DesignSpace

/// Everything one simulation needs, already validated.
public struct SimulationRequest: Sendable {
    /// Tile-level event-driven simulation, or the analytic estimate (`FastEstimator`).
    public enum Fidelity: String, Sendable, Codable, CaseIterable {
        case cycle, fast
    }

    public var model: TransformerModel
    public var accelerator: AcceleratorConfig
    public var table: HardwareTable
    public var workload: Workload
    public var dynaProp: DynaPropSetting
    public var optimizer: Optimizer
    public var sequenceLength: Int
    public var fidelity: Fidelity
    /// Compose area as AccelTran did (no DynaProp module), to reproduce the paper.
    public var acceltranComposition: Bool
    /// Figures per layer or per operation besides the totals (cycle-level mode only).
    public var breakdown: Breakdown?

    public init(model: TransformerModel, accelerator: AcceleratorConfig, table: HardwareTable,
                workload: Workload = .inference, dynaProp: DynaPropSetting = .paperDefault,
                optimizer: Optimizer = .sgd, sequenceLength: Int = 128, fidelity: Fidelity = .cycle,
                acceltranComposition: Bool = false, breakdown: Breakdown? = nil) {
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
    }
}
