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
    /// The table's fixed-point format (the register widths the glue is counted in).
    let format: FixedPointFormat
    /// The AccelTran area composition (no DynaProp module), for reproducing the paper.
    package let acceltranComposition: Bool

    /// The table's figures for this accelerator's module variants.
    package let costs: AcceleratorCosts
    /// The accelerator's main memory under the request's datasheets and mode.
    package let memory: MainMemoryModel

    package init(
        config: AcceleratorConfig, table: HardwareTable, memory: MainMemorySetting = .standard,
        acceltranComposition: Bool = false
    ) {
        self.config = config
        clockMHz = table.clockMHz
        wordBits = table.wordBits
        format = (try? FixedPointFormat(integerBits: table.integerBits, fractionBits: table.fractionBits)) ?? .paper
        self.acceltranComposition = acceltranComposition
        costs = table.costs(for: config)
        self.memory = memory.model(for: config.mainMemory)
    }

    /// Instances of each unit class on the chip.
    package func units(_ unit: MappedOperation.Unit) -> Int {
        switch unit {
        case .macLane: config.processingElements * config.macLanesPerPE
        case .softmax: config.processingElements * config.softmaxPerPE
        case .layerNorm: config.processingElements
        }
    }

    /// AccelTran's dataflow and DMA logic of one PE together (the control energy's figure).
    var control: ModuleCost {
        let d = costs.dataflow
        let m = costs.dma
        return ModuleCost(areaUM2: d.areaUM2 + m.areaUM2, dynamicMW: d.dynamicMW + m.dynamicMW, leakageMW: d.leakageMW + m.leakageMW)
    }

    /// Bytes of one stored value.
    package var wordBytes: Double { Double(wordBits) / 8 }

    /// Clock period in seconds.
    package var cycleSeconds: Double { 1 / (clockMHz * 1e6) }

    /// Accelerator cycles (fractional) one main-memory transfer takes.
    @inline(__always)
    package func cycles(_ transfer: MemoryTransfer) -> Double {
        transfer.nanoseconds * clockMHz * 1e-3
    }

    /// One sequential main-memory transfer of `bytes`.
    @inline(__always)
    package func transfer(_ bytes: Double) -> MemoryTransfer { memory.transfer(bytes) }

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
    /// (`ModuleCatalog.areaComposition`). By default the instances the generated RTL has, per
    /// PE: lanes MAC lanes, 2 lanes + b pre-sparsity modules, b post-sparsity modules, one tile
    /// FIFO, the b-row softmax units, one b-row layer-norm, one DynaProp and the PE's glue
    /// (per register bit); per chip the controller (top, DMA engine and CSR, per register
    /// bit). Composing as AccelTran did: per PE, lanes x (MAC lane + pre- and post-sparsity +
    /// FIFO), the b-parallel softmax modules and layer-norm, and the paper's dataflow and DMA
    /// control. Plus each buffer at its per-MB figure; main memory is off chip and has none.
    /// The figures of one class and count are added before the count multiplies them, in
    /// catalogue order.
    func byClass(_ figure: (ModuleCost) -> Double, perMB: (BufferCost) -> Double) -> ModuleClassFigures {
        let rtl = !acceltranComposition
        var total = ModuleClassFigures()
        for (areaClass, instances, members) in ModuleCatalog.areaComposition(acceltran: acceltranComposition) {
            let value: Double
            if instances == .perMegabyte {
                value = Double(megabytes(members[0].kind)) * perMB(costs.buffer(members[0].kind))
            } else {
                value =
                    ModuleCatalog.count(instances, config, format: format)
                    * members.reduce(0) { $0 + figure(costs.module($1.kind, rtl: rtl)) }
            }
            total[keyPath: ModuleClassFigures.field(areaClass)] += value
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
