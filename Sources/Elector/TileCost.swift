/// What one operation costs once cut into tiles: a plain value, so the fast mode can
/// compute and accumulate it without reference counting.
struct TileCost {
    var unit: MappedOperation.Unit
    var tiles: Int
    var cyclesPerTile: Double
    /// For a matmul, the fraction of its MACs that are effectual (the tile-to-tile spread of
    /// cycles follows from it; only the cycle-level mode needs that).
    var matmulDensity: Double?
    var pipelineLatency: Int
    var effectualMACs: Double
    var denseMACs: Double
    var bufferReadBytes: Double
    var bufferWriteBytes: Double
    var loadBytes: Double
    var storeBytes: Double
    var outputBytes: Double
    var maskBytes: Double
    var rowsThroughSparsity: Double
    /// Dense values of the output (for the memory footprint).
    var outputValues: Int

    /// Whole cycles of one tile: the least time any level holding this operation takes.
    var tileCycles: Double { cyclesPerTile.roundedUpFast }

    /// Total expected unit-cycles.
    var workCycles: Double { Double(tiles) * cyclesPerTile }
}
