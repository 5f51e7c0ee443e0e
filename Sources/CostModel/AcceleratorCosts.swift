import HardwareModules

/// Every figure of a hardware table one accelerator instantiates, looked up once.
///
/// The simulator reads these on every evaluation; resolving them through the table's string
/// keys each time cost more than the fast simulation mode itself.
public struct AcceleratorCosts: Sendable {
    public let macLane: ModuleCost
    public let softmax: ModuleCost
    public let layerNorm: ModuleCost
    public let dynaProp: ModuleCost
    public let preSparsity: ModuleCost
    public let postSparsity: ModuleCost
    public let fifo: ModuleCost
    public let dma: ModuleCost
    public let dataflow: ModuleCost
    public let activationBuffer: BufferCost
    public let weightBuffer: BufferCost
    public let maskBuffer: BufferCost
    public let mainMemory: MemoryCost

    /// The figures of one accelerator from its catalogue entries' figures; nil when one is
    /// missing (an incomplete table).
    init?(modules: [ModuleKind: ModuleCost], buffers: [ModuleKind: BufferCost], mainMemory: MemoryCost) {
        guard let macLane = modules[.macLane], let softmax = modules[.softmax], let layerNorm = modules[.layerNorm],
              let dynaProp = modules[.dynaProp], let preSparsity = modules[.preSparsity], let postSparsity = modules[.postSparsity],
              let fifo = modules[.fifo], let dma = modules[.dma], let dataflow = modules[.dataflow],
              let activationBuffer = buffers[.activationBuffer], let weightBuffer = buffers[.weightBuffer],
              let maskBuffer = buffers[.maskBuffer]
        else { return nil }
        (self.macLane, self.softmax, self.layerNorm, self.dynaProp) = (macLane, softmax, layerNorm, dynaProp)
        (self.preSparsity, self.postSparsity, self.fifo, self.dma, self.dataflow) = (preSparsity, postSparsity, fifo, dma, dataflow)
        (self.activationBuffer, self.weightBuffer, self.maskBuffer) = (activationBuffer, weightBuffer, maskBuffer)
        self.mainMemory = mainMemory
    }

    /// The figure of a module kind (not a buffer).
    public func module(_ kind: ModuleKind) -> ModuleCost {
        switch kind {
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
        }
    }

    /// The per-megabyte figure of a buffer kind.
    public func buffer(_ kind: ModuleKind) -> BufferCost {
        switch kind {
        case .activationBuffer: activationBuffer
        case .weightBuffer: weightBuffer
        case .maskBuffer: maskBuffer
        default: preconditionFailure("\(kind.rawValue) is not a buffer")
        }
    }
}
