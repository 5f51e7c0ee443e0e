import CostModel

/// What one operation costs once cut into tiles (paper Section III-B1): the expected work per
/// tile after DynaProp sparsity and the traffic it causes. A plain value, so the fast mode
/// can compute and accumulate it without reference counting; the cycle-level mode reads it
/// through `TiledOperation`.
struct TileCost {
    /// The unit class that runs the tiles.
    var unit: MappedOperation.Unit
    /// Number of tile operations.
    var tiles: Int
    /// Expected cycles one tile occupies its units: the PE operations the RTL runs for it
    /// (`PETiming`), with the row chunks DynaProp leaves.
    var cyclesPerTile: Double
    /// Units of the class one tile holds for those cycles: a PE operation takes the whole PE,
    /// so a matmul tile holds the PE's MAC lanes and a softmax tile its softmax modules.
    /// Unit-cycles and a unit's throughput follow from it; a tile's own time does not.
    var unitsPerTile = 1
    /// Cycles from the last tile's issue to its result.
    var pipelineLatency: Int
    /// Effectual and dense multiply-accumulates in all.
    var effectualMACs: Double
    var denseMACs: Double
    /// Bytes read from and written to the on-chip buffers (zero-free data plus masks).
    var bufferReadBytes: Double
    var bufferWriteBytes: Double
    /// Bytes loaded from and stored to main memory (compressed weights and masks).
    var loadBytes: Double
    var storeBytes: Double
    /// The same as main-memory transfers (each one sequential), and their accelerator cycles.
    var load = MemoryTransfer()
    var store = MemoryTransfer()
    var loadCycles = 0.0
    var storeCycles = 0.0
    /// Bytes of the output kept in the activation/gradient buffer, and of its mask.
    var outputBytes: Double
    var maskBytes: Double
    /// Tile rows through the DynaProp and sparsity modules (their activity).
    var rowsThroughSparsity: Double
    /// Dense values of the output (for the memory footprint).
    var outputValues: Int
    /// The fraction of a tile's cycles its module computes (rows or chunks issued); the rest
    /// is the PE operation's weight load, tile read, pipeline fill and write-back. Dynamic
    /// energy is charged for the computing cycles only.
    var activeFraction: Double = 1

    /// Whole cycles of one tile: the least time any level holding this operation takes.
    var tileCycles: Double { cyclesPerTile.roundedUpFast }

    /// Tile parts the scheduler places, one per unit a tile holds (they run side by side).
    var parts: Int { tiles * unitsPerTile }

    /// Total expected unit-cycles.
    var workCycles: Double { Double(parts) * cyclesPerTile }

    /// Unit-cycles spent computing (what dynamic energy is charged for).
    var activeCycles: Double { workCycles * activeFraction }
}
