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
    /// The activation buffer's zero-free unpacker (every tile read passes through it) and
    /// packer (every write-back), from the catalogue.
    package let unpackLatency: Int
    package let packLatency: Int

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
        let zeroFree = ModuleCatalog.zeroFreeVariants(choice)
        unpackLatency = zeroFree.unpacker.latency(format: f)
        packLatency = zeroFree.packer.latency(format: f)
    }

    /// Cycles the sequencer spends reading the tile: the granted request, the buffers' cycle
    /// (one-cycle read latency), the unpacker, then the cycle the dense tile enters the PE.
    package var tileReadCycles: Int { 2 + unpackLatency }
    /// Cycles from an operation's issue to the cycle its tile counts as arrived (the run's
    /// cycles follow): the slot loads `n` weight columns, one per cycle, and reads the tile from
    /// the same cycle on; the tile waits in the PE's FIFO until the last column is in (the cycle
    /// after its grant).
    package func fetchCycles(weightColumns n: Int) -> Int { max(tileReadCycles, n + 1) }
    /// Cycles between a PE's operations: it is idle for one cycle, in which the scheduler
    /// issues its next operation (the tiler adds it per operation; the program model steps it).
    package static let issueCycles = 1
    /// Cycles of the result write-back when the port is free.
    package static let writeBackCycles = 1

    /// Cycles one MAC lane needs for a row of which it keeps `kept` values (the values both
    /// the row's activation mask and the lane's weight mask keep): the row is cut into chunks
    /// of M (at least one, so an all-pruned row still costs a cycle).
    package func chunks(kept: Int) -> Int { max(1, (kept + macsPerLane - 1) / macsPerLane) }

    /// Cycles a row takes: the lanes run in lockstep, so the most any lane needs.
    package func rowChunks(laneKept: [Int]) -> Int { laneKept.map(chunks(kept:)).max() ?? 1 }

    /// Cycles a tile takes given, per row, every lane's kept count (known data).
    package func tileChunks(laneKept rows: [[Int]]) -> Int { rows.reduce(0) { $0 + rowChunks(laneKept: $1) } }

    /// Expected `rowChunks` of a row whose activations are each kept with probability
    /// `density` and whose `lanes` weight columns each keep a weight with probability
    /// `weightDensity`, independently. The row keeps k ~ Binomial(X, density) values; given k,
    /// lane l keeps n_l ~ Binomial(k, weightDensity), independently over lanes, so
    /// P(max_l chunks(n_l) <= c) = P(n <= cM | k)^lanes and E[max] = 1 + sum over c >= 1 of
    /// (1 - P(n <= cM | k)^lanes).
    package func expectedRowChunks(density: Double, weightDensity: Double = 1, lanes: Int = 1) -> Double {
        let most = chunks(kept: tile)
        if most == 1 { return 1 }
        let rowKept = Self.binomial(tile, density)
        var expected = 0.0
        for (k, pk) in rowKept.enumerated() where pk > 0 {
            if weightDensity >= 1 {
                expected += pk * Double(chunks(kept: k))
                continue
            }
            let laneKept = Self.binomial(k, weightDensity)
            var cdf = 0.0  // P(n <= t), t running over 0 ... k
            var below = [Double](repeating: 1, count: most)  // below[c] = P(n <= cM)
            for (t, pt) in laneKept.enumerated() {
                cdf += pt
                for c in 1..<most where t == min(c * macsPerLane, k) { below[c] = min(1, cdf) }
            }
            expected += pk * (1 + (1..<most).reduce(0.0) { $0 + (1 - pow(below[$1], Double(max(lanes, 1)))) })
        }
        return expected
    }

    /// The probabilities of 0 ... n successes in n trials of probability p.
    static func binomial(_ n: Int, _ p: Double) -> [Double] {
        if p <= 0 { return [1] + [Double](repeating: 0, count: n) }
        if p >= 1 { return [Double](repeating: 0, count: n) + [1] }
        let (logP, logQ) = (log(p), log(1 - p))
        // log k! for k = 0 ... n (in logs, so that p near 0 or 1 does not underflow a factor).
        var logFactorial = [0.0]
        for k in stride(from: 1, through: n, by: 1) { logFactorial.append(logFactorial[k - 1] + log(Double(k))) }
        return (0...n).map { k -> Double in
            let choose: Double = logFactorial[n] - logFactorial[k] - logFactorial[n - k]
            let successes: Double = Double(k) * logP
            let failures: Double = Double(n - k) * logQ
            return exp(choose + successes + failures)
        }
    }

    /// Chunks of a tile whose activations are kept with probability `density` and whose
    /// `lanes` weight columns keep a weight with probability `weightDensity` (1 without
    /// pruning), rounded to whole cycles.
    package func tileChunks(density: Double = 1, weightDensity: Double = 1, lanes: Int = 1) -> Int {
        Int((Double(rows) * expectedRowChunks(density: density, weightDensity: weightDensity, lanes: lanes)).rounded())
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
    /// (0 with keep-weights) beside the tile read (`fetchCycles`), the run, and the write-back
    /// at the end of a reduction.
    package func matmulCycles(weightColumns n: Int, chunks s: Int, finish: Bool) -> Int {
        fetchCycles(weightColumns: n) + matmulRunCycles(chunks: s) + (finish ? Self.writeBackCycles : 0)
    }
    package var softmaxCycles: Int { tileReadCycles + softmaxRunCycles + Self.writeBackCycles }
    package var layerNormCycles: Int { tileReadCycles + layerNormRunCycles + Self.writeBackCycles }
}
