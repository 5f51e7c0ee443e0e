import DesignSpace

/// An operation cut into b x x x y tiles for its unit class (paper Section III-B1), with the
/// expected work per tile after DynaProp sparsity and the traffic it causes.
public struct TiledOperation: Sendable {
    public let operation: MappedOperation
    /// Number of tile operations.
    public let tiles: Int
    /// Expected cycles one tile occupies a unit (zero-free: only effectual MACs).
    public let cyclesPerTile: Double
    /// Standard deviation of those cycles across tiles (pruning varies tile by tile).
    public let cyclesDeviation: Double
    /// Cycles from the last tile's issue to its result.
    public let pipelineLatency: Int
    /// Effectual multiply-accumulates in all.
    public let effectualMACs: Double
    /// Bytes read from and written to the on-chip buffers (zero-free data plus masks).
    public let bufferReadBytes: Double
    public let bufferWriteBytes: Double
    /// Bytes loaded from and stored to main memory (compressed weights and masks).
    public let loadBytes: Double
    public let storeBytes: Double
    /// Bytes of the output kept in the activation/gradient buffer, and of its mask.
    public let outputBytes: Double
    public let maskBytes: Double
    /// Tile rows through the DynaProp and sparsity modules (their activity).
    public let rowsThroughSparsity: Double

    /// Total expected unit-cycles.
    public var workCycles: Double { Double(tiles) * cyclesPerTile }

    init(operation: MappedOperation, cost c: TileCost, cyclesDeviation: Double) {
        self.operation = operation
        tiles = c.tiles
        cyclesPerTile = c.cyclesPerTile
        self.cyclesDeviation = cyclesDeviation
        pipelineLatency = c.pipelineLatency
        effectualMACs = c.effectualMACs
        bufferReadBytes = c.bufferReadBytes
        bufferWriteBytes = c.bufferWriteBytes
        loadBytes = c.loadBytes
        storeBytes = c.storeBytes
        outputBytes = c.outputBytes
        maskBytes = c.maskBytes
        rowsThroughSparsity = c.rowsThroughSparsity
    }
}

