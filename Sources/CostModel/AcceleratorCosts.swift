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
}
