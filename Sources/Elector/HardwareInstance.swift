import CostModel
import DesignSpace

/// An accelerator instantiated against a hardware table: unit counts, per-instance costs,
/// bandwidths in bytes per cycle, and the area composition.
public struct HardwareInstance: Sendable {
    public let config: AcceleratorConfig
    public let table: HardwareTable
    /// The AccelTran area composition (no DynaProp module), for reproducing the paper.
    public let acceltranComposition: Bool

    public init(config: AcceleratorConfig, table: HardwareTable, acceltranComposition: Bool = false) {
        self.config = config
        self.table = table
        self.acceltranComposition = acceltranComposition
    }

    /// Instances of each unit class on the chip.
    public func units(_ unit: MappedOperation.Unit) -> Int {
        switch unit {
        case .macLane: config.processingElements * config.macLanesPerPE
        case .softmax: config.processingElements * config.softmaxPerPE
        case .layerNorm: config.processingElements
        }
    }

    var macLane: ModuleCost { table.module(ModuleKey.macLane(macs: config.macsPerLane, activation: config.activation)) }
    var softmax: ModuleCost { table.module(ModuleKey.softmax(tile: config.spatialTile, batchTile: config.batchTile)) }
    var layerNorm: ModuleCost { table.module(ModuleKey.layerNorm(tile: config.spatialTile, batchTile: config.batchTile)) }
    var dynaProp: ModuleCost { table.module(ModuleKey.dynaProp(tile: config.spatialTile, batchTile: config.batchTile)) }
    var preSparsity: ModuleCost { table.module(ModuleKey.preSparsity(tile: config.spatialTile)) }
    var postSparsity: ModuleCost { table.module(ModuleKey.postSparsity(tile: config.spatialTile)) }
    var fifo: ModuleCost { table.module(ModuleKey.fifo) }
    var control: ModuleCost {
        let d = table.module(ModuleKey.dataflow)
        let m = table.module(ModuleKey.dma)
        return ModuleCost(areaUM2: d.areaUM2 + m.areaUM2, dynamicMW: d.dynamicMW + m.dynamicMW, leakageMW: d.leakageMW + m.leakageMW)
    }

    /// Bytes of one stored value.
    public var wordBytes: Double { Double(table.wordBits) / 8 }

    /// Clock period in seconds.
    public var cycleSeconds: Double { 1 / (table.clockMHz * 1e6) }

    /// Main-memory bytes per cycle.
    public var memoryBytesPerCycle: Double {
        table.mainMemory[config.mainMemory.key]!.bandwidthGBs * 1e9 * cycleSeconds
    }

    public func bufferBytes(_ name: String) -> Double {
        let mb: Int
        switch name {
        case "activation": mb = config.activationBufferMB
        case "weight": mb = config.weightBufferMB
        default: mb = config.maskBufferMB
        }
        return Double(mb) * 1_048_576
    }

    /// Area in mm^2 by module class, per the composition (paper Fig. 3 / AccelTran).
    public var areaMM2: [String: Double] {
        byClass(\.areaUM2, perMB: \.areaUM2PerMB).mapValues { $0 / 1e6 }
    }

    /// Leakage power in mW by module class.
    public var leakageMW: [String: Double] { byClass(\.leakageMW, perMB: \.leakageMWPerMB) }

    /// One figure of every module instance summed by class: per PE, lanes x (MAC lane +
    /// pre- and post-sparsity + FIFO), the softmax modules, one layer-norm, the control
    /// (dataflow and DMA) and, unless composing as AccelTran did, one DynaProp module; plus
    /// each buffer at its per-MB figure.
    func byClass(_ figure: (ModuleCost) -> Double, perMB: (BufferCost) -> Double) -> [String: Double] {
        let pe = Double(config.processingElements)
        let lanes = pe * Double(config.macLanesPerPE)
        var total: [String: Double] = [
            "mac_lanes": lanes * figure(macLane),
            "sparsity": lanes * (figure(preSparsity) + figure(postSparsity)),
            "fifos": lanes * figure(fifo),
            "softmax": pe * Double(config.softmaxPerPE) * figure(softmax),
            "layer_norm": pe * figure(layerNorm),
            "control": pe * figure(control),
            "dynaprop": acceltranComposition ? 0 : pe * figure(dynaProp),
        ]
        for name in ModuleKey.buffers {
            total["\(name)_buffer"] = bufferBytes(name) / 1_048_576 * perMB(table.buffers[name]!)
        }
        return total
    }
}
