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
}

/// Cuts operations into tiles for one accelerator and DynaProp setting.
public struct Tiler: Sendable {
    public let hardware: HardwareInstance
    public let dynaProp: DynaPropSetting

    public init(hardware: HardwareInstance, dynaProp: DynaPropSetting) {
        self.hardware = hardware
        self.dynaProp = dynaProp
    }

    func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

    /// Stored size of `values` entries of `kind`: zero-free values plus one mask bit each.
    func compressedBytes(_ values: Double, _ kind: MatrixKind) -> (data: Double, mask: Double) {
        let density = 1 - dynaProp.sparsity(of: kind)
        let pruned = kind != .fixed && dynaProp.sparsity(of: kind) > 0
        return (values * density * hardware.wordBytes, pruned ? values / 8 : 0)
    }

    public func tile(_ op: MappedOperation) -> TiledOperation {
        let c = hardware.config
        let b = c.batchTile
        let x = c.spatialTile
        let y = c.spatialTile
        let m = c.macsPerLane
        let load = compressedBytes(Double(op.loadValues), op.loadValues > 0 && op.phase != .update ? .weight : .fixed)
        let store = Double(op.storeValues) * hardware.wordBytes
        let out = compressedBytes(Double(op.outputValues), op.outputKind)

        switch op.kind {
        case .matmul(let batch, let rows, let k, let n, let left, let right, let banded, _):
            let kTiles = banded.map { min(ceilDiv(k, y), ceilDiv(x + $0 - 1, y) + 1) } ?? ceilDiv(k, y)
            let tiles = ceilDiv(batch, b) * ceilDiv(rows, x) * ceilDiv(n, x) * kTiles
            let density = (1 - dynaProp.sparsity(of: left)) * (1 - dynaProp.sparsity(of: right))
            let effectual = Double(op.denseMACs) * density
            let perTile = effectual / Double(tiles)
            // Effectual MACs in a tile vary binomially around their mean.
            let denseTile = Double(b * x * x * y)
            let deviation = (denseTile * density * (1 - density)).squareRoot() / Double(m)
            let leftBytes = compressedBytes(Double(b * x * y), left)
            let rightBytes = compressedBytes(Double(b * y * x), right)
            let reads = Double(tiles) * (leftBytes.data + leftBytes.mask + rightBytes.data + rightBytes.mask)
            return TiledOperation(
                operation: op, tiles: tiles, cyclesPerTile: max(perTile / Double(m), 1), cyclesDeviation: deviation,
                pipelineLatency: ModuleTiming.macPathLatency(macsPerLane: m), effectualMACs: effectual,
                bufferReadBytes: reads, bufferWriteBytes: out.data + out.mask, loadBytes: load.data + load.mask,
                storeBytes: store, outputBytes: out.data, maskBytes: out.mask, rowsThroughSparsity: Double(tiles * 2 * b * x))
        case .elementwise(let elements, let ops, let operand):
            let tileElements = b * x * y
            let tiles = max(ceilDiv(elements, tileElements), 1)
            let density = 1 - dynaProp.sparsity(of: operand)
            let effectual = Double(elements * ops) * density
            let input = compressedBytes(Double(elements), operand)
            return TiledOperation(
                operation: op, tiles: tiles, cyclesPerTile: max(effectual / Double(tiles) / Double(m), 1), cyclesDeviation: 0,
                pipelineLatency: ModuleTiming.macPathLatency(macsPerLane: m), effectualMACs: effectual,
                bufferReadBytes: 2 * (input.data + input.mask), bufferWriteBytes: out.data + out.mask,
                loadBytes: load.data + load.mask, storeBytes: store, outputBytes: out.data, maskBytes: out.mask,
                rowsThroughSparsity: Double(tiles * b * x))
        case .softmax(let rows, let columns), .layerNorm(let rows, let columns):
            let isSoftmax: Bool
            if case .softmax = op.kind { isSoftmax = true } else { isSoftmax = false }
            // b rows in parallel, one row of y entries per cycle; a row longer than y takes
            // ceil(columns / y) tiles, with the running max/sum carried between them.
            let tiles = ceilDiv(rows, b * x) * ceilDiv(columns, y)
            let latency = isSoftmax ? ModuleTiming.softmaxLatency(tile: x) : ModuleTiming.layerNormLatency(tile: x)
            let input = compressedBytes(Double(rows * columns), op.phase == .forward ? .activation : .gradient)
            return TiledOperation(
                operation: op, tiles: tiles, cyclesPerTile: Double(x * ModuleTiming.rowInitiationInterval), cyclesDeviation: 0,
                pipelineLatency: ModuleTiming.fifoLatency * 2 + latency, effectualMACs: 0,
                bufferReadBytes: input.data + input.mask, bufferWriteBytes: out.data + out.mask,
                loadBytes: load.data + load.mask, storeBytes: store, outputBytes: out.data, maskBytes: out.mask,
                rowsThroughSparsity: Double(tiles * b * x))
        }
    }
}
