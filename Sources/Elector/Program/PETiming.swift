import DesignSpace
import Foundation
import HardwareModules

/// The cycles one PE operation takes on the generated top's PE slot (templates/pe_slot and
/// templates/pe), phase by phase, with every pipeline depth taken from the module catalogue
/// (`ModuleVariant+Timing`). The program model (`ProgramTimingModel`) adds the waits for
/// shared ports between the phases; the tiler uses the uncontested totals. One definition of
/// a PE operation's time serves both.
package struct PETiming: Sendable, Equatable {
    /// Rows of a tile (B x X): the PE issues one matmul row (or one chunk of a row) per cycle.
    package let rows: Int
    /// Softmax and layer-norm issue cycles of a tile: the PE issues B rows (a group) per cycle
    /// to its B-row modules, X groups a tile.
    package let rowGroups: Int
    package let tile: Int
    package let lanes: Int
    package let macsPerLane: Int
    package let macLatency: Int
    package let softmaxLatency: Int
    package let layerNormLatency: Int
    /// Cycles from the tile's arrival to its first row at the sparsity module: the PE's tile
    /// FIFO, then DynaProp on the whole tile.
    package let front: Int
    package let preSparsityLatency: Int
    package let postSparsityLatency: Int

    /// A PE of `config` in `format`, with the softmax and layer-norm variants the catalogue
    /// says the PE instantiates (B-row modules, B rows a cycle), as `RTLGenerator.peValues` does.
    package init(config c: AcceleratorConfig, format f: FixedPointFormat) {
        rows = c.batchTile * c.spatialTile
        rowGroups = c.spatialTile
        tile = c.spatialTile
        lanes = c.macLanesPerPE
        macsPerLane = c.macsPerLane
        macLatency = ModuleVariant.macLane(macs: c.macsPerLane, activation: c.activation).latency(format: f)
        let choice = ModuleChoice(c)
        softmaxLatency = ModuleCatalog.entry(.softmax).rtlVariant(for: choice, format: f)!.latency(format: f)
        layerNormLatency = ModuleCatalog.entry(.layerNorm).rtlVariant(for: choice, format: f)!.latency(format: f)
        front =
            ModuleVariant.fifo(width: 1, depth: 2).latency(format: f)
            + ModuleVariant.dynaProp(batchTile: c.batchTile, tile: c.spatialTile).latency(format: f)
        preSparsityLatency = ModuleVariant.preSparsity(width: c.spatialTile).latency(format: f)
        postSparsityLatency = ModuleVariant.postSparsity(width: c.spatialTile).latency(format: f)
    }

    /// Cycles the sequencer spends reading the tile: the granted request, then the cycle the
    /// buffer's data (one-cycle read latency) enters the PE.
    package static let tileReadCycles = 2
    /// Cycles of the result write-back when the port is free.
    package static let writeBackCycles = 1

    /// Cycles the MAC lanes take for a row with `kept` values after DynaProp: the row is cut
    /// into chunks of M (at least one, so an all-pruned row still costs a cycle).
    package func chunks(kept: Int) -> Int { max(1, (kept + macsPerLane - 1) / macsPerLane) }

    /// Expected chunks of a row whose values are each kept with probability `density`: the
    /// kept count is binomial over the row's X values, and a row costs max(1, ceil(k / M)).
    /// (The simulator asks per operation: M >= X and M = 1 are closed forms.)
    package func expectedRowChunks(density: Double) -> Double {
        if density >= 1 || macsPerLane >= tile { return Double(chunks(kept: density >= 1 ? tile : 0)) }
        if density <= 0 { return 1 }
        let none = pow(1 - density, Double(tile))
        // M = 1: E[max(1, k)] = E[k] + P(k = 0).
        if macsPerLane == 1 { return Double(tile) * density + none }
        var expected = 0.0
        var p = none  // P(k), by the binomial recurrence
        for k in 0...tile {
            if k > 0 { p *= Double(tile - k + 1) / Double(k) * density / (1 - density) }
            expected += p * Double(chunks(kept: k))
        }
        return expected
    }

    /// Chunks of a tile whose values are kept with probability `density` (1 without pruning),
    /// rounded to whole cycles.
    package func tileChunks(density: Double = 1) -> Int {
        Int((Double(rows) * expectedRowChunks(density: density)).rounded())
    }

    /// Weight columns a matmul of column group `group` loads (one per lane in the group).
    package func weightColumns(group: Int) -> Int { min(lanes, tile - group * lanes) }

    /// Cycles from the tile's arrival to the last row's result, for each operation:
    /// the front, the sparsity stage, the rows (or chunks) one per cycle for a matmul and the
    /// row groups one per cycle for softmax and layer-norm, and the pipeline.
    package func matmulRunCycles(chunks s: Int) -> Int { front + preSparsityLatency + s + macLatency }
    package var softmaxRunCycles: Int { front + rowGroups + preSparsityLatency + softmaxLatency + postSparsityLatency }
    package var layerNormRunCycles: Int { front + rowGroups + preSparsityLatency + layerNormLatency }

    /// Uncontested cycles of a matmul on one PE: `weightColumns` columns loaded one per cycle
    /// (0 with keep-weights), the tile read, the run, and the write-back at the end of a
    /// reduction.
    package func matmulCycles(weightColumns n: Int, chunks s: Int, finish: Bool) -> Int {
        n + Self.tileReadCycles + matmulRunCycles(chunks: s) + (finish ? Self.writeBackCycles : 0)
    }
    package var softmaxCycles: Int { Self.tileReadCycles + softmaxRunCycles + Self.writeBackCycles }
    package var layerNormCycles: Int { Self.tileReadCycles + layerNormRunCycles + Self.writeBackCycles }
}
