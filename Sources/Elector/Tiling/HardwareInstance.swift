import CostModel
import DesignSpace
import HardwareModules

/// An accelerator instantiated against a hardware table: unit counts, per-instance costs,
/// bandwidths in bytes per cycle, and the area composition.
package struct HardwareInstance: Sendable {
    package let config: AcceleratorConfig
    /// The table's clock and word width (the instance keeps no reference to the table
    /// itself: copying one would retain all of its dictionaries).
    package let clockMHz: Double
    package let wordBits: Int
    /// The AccelTran area composition (no DynaProp module), for reproducing the paper.
    package let acceltranComposition: Bool

    /// The table's figures for this accelerator's module variants.
    package let costs: AcceleratorCosts

    package init(config: AcceleratorConfig, table: HardwareTable, acceltranComposition: Bool = false) {
        self.config = config
        clockMHz = table.clockMHz
        wordBits = table.wordBits
        self.acceltranComposition = acceltranComposition
        costs = table.costs(for: config)
    }

    /// Instances of each unit class on the chip.
    package func units(_ unit: MappedOperation.Unit) -> Int {
        switch unit {
        case .macLane: config.processingElements * config.macLanesPerPE
        case .softmax: config.processingElements * config.softmaxPerPE
        case .layerNorm: config.processingElements
        }
    }

    /// The dataflow and DMA logic of one PE together.
    var control: ModuleCost {
        let d = costs.dataflow
        let m = costs.dma
        return ModuleCost(areaUM2: d.areaUM2 + m.areaUM2, dynamicMW: d.dynamicMW + m.dynamicMW, leakageMW: d.leakageMW + m.leakageMW)
    }

    /// Bytes of one stored value.
    package var wordBytes: Double { Double(wordBits) / 8 }

    /// Clock period in seconds.
    package var cycleSeconds: Double { 1 / (clockMHz * 1e6) }

    /// Main-memory bytes per cycle.
    package var memoryBytesPerCycle: Double {
        costs.mainMemory.bandwidthGBs * 1e9 * cycleSeconds
    }

    package func bufferBytes(_ name: String) -> Double {
        let mb: Int
        switch name {
        case "activation": mb = config.activationBufferMB
        case "weight": mb = config.weightBufferMB
        default: mb = config.maskBufferMB
        }
        return Double(mb) * 1_048_576
    }

    /// Area in mm^2 by module class, per the composition (paper Fig. 3 / AccelTran).
    package var areaMM2: ModuleClassFigures {
        byClass(\.areaUM2, perMB: \.areaUM2PerMB).scaled(by: 1e-6)
    }

    /// Leakage power in mW by module class.
    package var leakageMW: ModuleClassFigures { byClass(\.leakageMW, perMB: \.leakageMWPerMB) }

    /// One figure of every module instance summed by class, as the catalogue places them
    /// (`ModuleCatalog.areaComposition`): per PE, lanes x (MAC lane + pre- and
    /// post-sparsity + FIFO), the softmax modules, one layer-norm, the control (dataflow and
    /// DMA) and, unless composing as AccelTran did, one DynaProp module; plus each buffer at
    /// its per-MB figure. Main memory is off chip and has none. The figures of one class are
    /// added before the instance count multiplies them, in catalogue order.
    func byClass(_ figure: (ModuleCost) -> Double, perMB: (BufferCost) -> Double) -> ModuleClassFigures {
        let pe = Double(config.processingElements)
        var total = ModuleClassFigures()
        for (areaClass, instances, entries) in ModuleCatalog.areaComposition {
            let members = acceltranComposition ? entries.filter { $0.placement?.inAccelTranComposition == true } : entries
            guard !members.isEmpty else { continue }
            let value: Double
            switch instances {
            case .perMACLane: value = pe * Double(config.macLanesPerPE) * members.reduce(0) { $0 + figure(costs.module($1.kind)) }
            case .perSoftmaxUnit: value = pe * Double(config.softmaxPerPE) * members.reduce(0) { $0 + figure(costs.module($1.kind)) }
            case .perPE: value = pe * members.reduce(0) { $0 + figure(costs.module($1.kind)) }
            case .perMegabyte: value = Double(megabytes(members[0].kind)) * perMB(costs.buffer(members[0].kind))
            }
            total[keyPath: ModuleClassFigures.field(areaClass)] = value
        }
        return total
    }

    /// The size of a buffer kind in this accelerator.
    private func megabytes(_ kind: ModuleKind) -> Int {
        switch kind {
        case .activationBuffer: config.activationBufferMB
        case .weightBuffer: config.weightBufferMB
        default: config.maskBufferMB
        }
    }
}
