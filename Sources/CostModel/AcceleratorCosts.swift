import HardwareModules

/// Every figure of a hardware table one accelerator instantiates, looked up once: the named
/// figures are the design space's variants (AccelTran's composition, the energy per
/// operation); `module(_:rtl: true)` gives the variants the generated RTL instantiates.
///
/// The simulator reads these on every evaluation; resolving them through the table's string
/// keys each time cost more than the fast simulation mode itself.
package struct AcceleratorCosts: Sendable {
    package let macLane: ModuleCost
    package let softmax: ModuleCost
    package let layerNorm: ModuleCost
    package let dynaProp: ModuleCost
    package let preSparsity: ModuleCost
    package let postSparsity: ModuleCost
    package let fifo: ModuleCost
    package let dma: ModuleCost
    package let dataflow: ModuleCost
    package let activationBuffer: BufferCost
    package let weightBuffer: BufferCost
    package let maskBuffer: BufferCost
    package let mainMemory: MemoryCost
    /// The figures of the variants the generated RTL instantiates, by kind (the default area
    /// composition's), including the synthesised glue (`pe_glue`, `controller`).
    private let rtlModules: [ModuleKind: ModuleCost]

    /// The figures of one accelerator from its catalogue entries' figures; nil when one is
    /// missing (an incomplete table).
    init?(
        modules: [ModuleKind: ModuleCost], rtlModules: [ModuleKind: ModuleCost], buffers: [ModuleKind: BufferCost],
        mainMemory: MemoryCost
    ) {
        guard let macLane = modules[.macLane], let softmax = modules[.softmax], let layerNorm = modules[.layerNorm],
            let dynaProp = modules[.dynaProp], let preSparsity = modules[.preSparsity], let postSparsity = modules[.postSparsity],
            let fifo = modules[.fifo], let dma = modules[.dma], let dataflow = modules[.dataflow],
            let activationBuffer = buffers[.activationBuffer], let weightBuffer = buffers[.weightBuffer],
            let maskBuffer = buffers[.maskBuffer]
        else { return nil }
        guard ModuleCatalog.moduleEntries.allSatisfy({ rtlModules[$0.kind] != nil }) else { return nil }
        self.rtlModules = rtlModules
        (self.macLane, self.softmax, self.layerNorm, self.dynaProp) = (macLane, softmax, layerNorm, dynaProp)
        (self.preSparsity, self.postSparsity, self.fifo, self.dma, self.dataflow) = (preSparsity, postSparsity, fifo, dma, dataflow)
        (self.activationBuffer, self.weightBuffer, self.maskBuffer) = (activationBuffer, weightBuffer, maskBuffer)
        self.mainMemory = mainMemory
    }

    /// The figure of a module kind (not a buffer): the design space's variant, or with `rtl`
    /// the variant the generated RTL instantiates.
    package func module(_ kind: ModuleKind, rtl: Bool = false) -> ModuleCost {
        guard !rtl else { return rtlModules[kind]! }
        return switch kind {
        case .macLane: macLane
        case .softmax: softmax
        case .layerNorm: layerNorm
        case .dynaProp: dynaProp
        case .preSparsity: preSparsity
        case .postSparsity: postSparsity
        case .fifo: fifo
        case .dma: dma
        case .dataflow: dataflow
        case .activationBuffer, .weightBuffer, .maskBuffer: preconditionFailure("\(kind.rawValue) is a buffer")
        case .dmaEngine, .csr, .zeroFreePacker, .zeroFreeUnpacker: preconditionFailure("\(kind.rawValue) is costed inside controller")
        case .peGlue, .controller, .arbiter: rtlModules[kind]!
        }
    }

    /// The per-megabyte figure of a buffer kind.
    package func buffer(_ kind: ModuleKind) -> BufferCost {
        switch kind {
        case .activationBuffer: activationBuffer
        case .weightBuffer: weightBuffer
        case .maskBuffer: maskBuffer
        default: preconditionFailure("\(kind.rawValue) is not a buffer")
        }
    }
}
