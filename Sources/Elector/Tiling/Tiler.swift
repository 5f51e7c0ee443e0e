import CostModel
import DesignSpace
import HardwareModules

/// Cuts operations into b x x x y tiles for one accelerator and DynaProp setting (paper
/// Section III-B1), with the expected work per tile after sparsity and the traffic it causes.
///
/// Everything it reads is kept as plain numbers: the fast mode tiles a few dozen operation
/// shapes per evaluation, and each must cost nanoseconds.
struct Tiler: Sendable {
    private let batchTile: Int
    private let spatialTile: Int
    /// log2 of the tile sizes, which are powers of two (`AcceleratorSpace`): a shift, not a
    /// division.
    private let batchShift: Int
    private let spatialShift: Int
    private let macsPerLane: Int
    /// The PE's operation timing, the same the program model steps (`PETiming`): a tile's
    /// cycles are those of the PE operations the RTL runs for it, one at a time per PE.
    private let pe: PETiming
    /// Lanes per PE (a PE operation holds them all), the lanes a tile's columns use, and
    /// the PE operations (column groups) one matmul tile takes.
    private let lanesPerPE: Int
    private let lanes: Int
    private let columnGroups: Int
    private let softmaxPerPE: Int
    /// Fraction of values kept, per `MatrixKind` (weight, activation, gradient, fixed).
    private let density: (Double, Double, Double, Double)
    /// The effectual fraction of a product's MACs for each (left, right) pair of kinds, row
    /// by left kind in `MatrixKind.allCases` order (`DynaPropSetting.effectualFraction`).
    private let effectual: [Double]
    /// Stored bytes per value (kept values times the word size), and mask bytes per value
    /// (one bit for a pruned kind), per `MatrixKind`.
    private let dataBytes: (Double, Double, Double, Double)
    private let maskBytes: (Double, Double, Double, Double)
    /// Bytes of one b x x operand tile of each kind, data and mask.
    private let operandTileBytes: (Double, Double, Double, Double)
    /// The main memory an operation's loads and stores go to, and accelerator cycles per ns.
    private let memory: MainMemoryModel
    private let cyclesPerNS: Double

    init(hardware: HardwareInstance, dynaProp: DynaPropSetting) {
        let c = hardware.config
        batchTile = c.batchTile
        spatialTile = c.spatialTile
        batchShift = c.batchTile.trailingZeroBitCount
        spatialShift = c.spatialTile.trailingZeroBitCount
        precondition(1 << batchShift == c.batchTile && 1 << spatialShift == c.spatialTile, "tile sizes are powers of two")
        macsPerLane = c.macsPerLane
        pe = PETiming(config: c, format: .paper)
        lanesPerPE = c.macLanesPerPE
        lanes = min(c.macLanesPerPE, c.spatialTile)
        columnGroups = (c.spatialTile + c.macLanesPerPE - 1) / c.macLanesPerPE
        softmaxPerPE = c.softmaxPerPE
        memory = hardware.memory
        cyclesPerNS = hardware.clockMHz * 1e-3
        let word = hardware.wordBytes
        let kept = (1 - dynaProp.weightSparsity, 1 - dynaProp.activationSparsity, 1 - dynaProp.gradientSparsity, 1.0)
        density = kept
        effectual = MatrixKind.allCases.flatMap { left in MatrixKind.allCases.map { dynaProp.effectualFraction(left, $0) } }
        dataBytes = (kept.0 * word, kept.1 * word, kept.2 * word, word)
        // A pruned kind carries a one-bit mask per value; fixed matrices are never pruned.
        maskBytes = (kept.0 < 1 ? 0.125 : 0, kept.1 < 1 ? 0.125 : 0, kept.2 < 1 ? 0.125 : 0, 0)
        let tile = Double(c.batchTile * c.spatialTile * c.spatialTile)
        operandTileBytes = (
            tile * (dataBytes.0 + maskBytes.0), tile * (dataBytes.1 + maskBytes.1), tile * (dataBytes.2 + maskBytes.2),
            tile * dataBytes.3
        )
    }

    @inline(__always)
    private func pick(_ values: (Double, Double, Double, Double), _ kind: MatrixKind) -> Double {
        switch kind {
        case .weight: values.0
        case .activation: values.1
        case .gradient: values.2
        case .fixed: values.3
        }
    }

    /// Stored size of `values` entries of `kind`: zero-free values plus one mask bit each.
    @inline(__always)
    func compressedBytes(_ values: Double, _ kind: MatrixKind) -> (data: Double, mask: Double) {
        (values * pick(dataBytes, kind), values * pick(maskBytes, kind))
    }

    @inline(__always)
    private func ceilShift(_ a: Int, _ shift: Int) -> Int { (a + (1 << shift) - 1) >> shift }
    private func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

    /// Tiles `op`.
    func tile(_ op: MappedOperation) -> TiledOperation {
        let c = cost(
            op.kind, phase: op.phase, load: op.loadValues, store: op.storeValues, output: op.outputValues,
            outputKind: op.outputKind)
        // A tile's row chunks vary with the values a lane keeps of its rows: binomial per row,
        // a value kept when both the row and the lane's column keep it (the left operand's
        // density times the right's, as `PETiming.tileChunks` counts them), and each of its
        // column groups runs them all; with M >= X every row is one chunk whatever it keeps.
        var deviation = 0.0
        if case .matmul(_, _, _, _, let left, let right, _, _) = op.kind, macsPerLane < spatialTile {
            let kept = pick(density, left) * pick(density, right)
            deviation =
                (Double(batchTile * spatialTile * spatialTile) * kept * (1 - kept)).squareRoot() / Double(macsPerLane)
                * Double(columnGroups)
        }
        return TiledOperation(operation: op, cost: c, cyclesDeviation: deviation)
    }

    /// The cost of an operation given by its parts (see `MappedOperation`), with its
    /// main-memory traffic as transfers: an operation's loads are one sequential transfer
    /// (a weight matrix and its mask, stored contiguously), its stores another.
    func cost(
        _ kind: MappedOperation.Kind, phase: MappedOperation.Phase, load loadValues: Int, store storeValues: Int,
        output outputValues: Int, outputKind: MatrixKind
    ) -> TileCost {
        var c = work(kind, phase: phase, load: loadValues, store: storeValues, output: outputValues, outputKind: outputKind)
        if c.loadBytes > 0 {
            c.load = memory.transfer(c.loadBytes)
            c.loadCycles = c.load.nanoseconds * cyclesPerNS
        }
        if c.storeBytes > 0 {
            c.store = memory.transfer(c.storeBytes)
            c.storeCycles = c.store.nanoseconds * cyclesPerNS
        }
        return c
    }

    /// The work and traffic of an operation, before its transfers are timed.
    private func work(
        _ kind: MappedOperation.Kind, phase: MappedOperation.Phase, load loadValues: Int, store storeValues: Int,
        output outputValues: Int, outputKind: MatrixKind
    ) -> TileCost {
        let b = batchTile
        let x = spatialTile
        let m = macsPerLane
        let load = compressedBytes(Double(loadValues), loadValues > 0 && phase != .update ? .weight : .fixed)
        let store = Double(storeValues) * dataBytes.3
        let out = compressedBytes(Double(outputValues), outputKind)

        switch kind {
        case .matmul(let batch, let rows, let k, let n, let left, let right, let banded, _):
            let kTiles = banded.map { min(ceilShift(k, spatialShift), ceilDiv(x + $0 - 1, x) + 1) } ?? ceilShift(k, spatialShift)
            let tiles = ceilShift(batch, batchShift) * ceilShift(rows, spatialShift) * ceilShift(n, spatialShift) * kTiles
            // The pairs the zero-free lanes skip: counted by a measured profile, else the
            // operands' densities multiplied (zeros falling independently).
            let kept = effectual[left.index * MatrixKind.allCases.count + right.index]
            let dense = Double(batch * rows * (banded ?? k) * n)
            let effectual = dense * kept
            let reads = Double(tiles) * (pick(operandTileBytes, left) + pick(operandTileBytes, right))
            // A tile (b x rows, x of K, x columns) is `columnGroups` PE operations, each loading
            // its lanes' columns, reading the tile, running its row chunks through the pipeline
            // and writing back, one at a time per PE (`PETiming`, as in the RTL). It holds every
            // lane of its PE for that time, `lanes` of them computing (fewer than the PE has
            // when X is). The pipeline is inside those cycles.
            // Lane l keeps the values both the row and its column keep (zero-free weights).
            let chunks = pe.tileChunks(density: pick(density, left), weightDensity: pick(density, right), lanes: lanes)
            let operation = pe.matmulCycles(weightColumns: lanes, chunks: chunks, finish: true) + PETiming.issueCycles
            return TileCost(
                unit: .macLane, tiles: tiles, cyclesPerTile: Double(operation * columnGroups), unitsPerTile: lanesPerPE,
                pipelineLatency: 0, effectualMACs: effectual, denseMACs: dense,
                bufferReadBytes: reads, bufferWriteBytes: out.data + out.mask, loadBytes: load.data + load.mask,
                storeBytes: store, outputBytes: out.data, maskBytes: out.mask, rowsThroughSparsity: Double(tiles * 2 * b * x),
                outputValues: outputValues,
                activeFraction: Double(chunks * lanes) / Double(operation * lanesPerPE))
        case .elementwise(let elements, let ops, let operand):
            // Still on the MAC lanes at M values a cycle: the RTL runs element-wise work on the
            // top's one vector unit (`VectorTiming`), a unit class the simulator lacks so far.
            let tiles = max(ceilShift(elements, batchShift + 2 * spatialShift), 1)
            let effectual = Double(elements * ops) * pick(density, operand)
            let input = compressedBytes(Double(elements), operand)
            return TileCost(
                unit: .macLane, tiles: tiles, cyclesPerTile: max(effectual / Double(tiles * m), 1),
                pipelineLatency: pe.macLatency, effectualMACs: effectual, denseMACs: Double(elements * ops),
                bufferReadBytes: 2 * (input.data + input.mask), bufferWriteBytes: out.data + out.mask,
                loadBytes: load.data + load.mask, storeBytes: store, outputBytes: out.data, maskBytes: out.mask,
                rowsThroughSparsity: Double(tiles * b * x), outputValues: outputValues)
        case .factored(let batch, let products, let pass):
            // Each product tiled as the matmul it is; intermediates stay in the buffer (their
            // writes and reads are the products' own), the cores are this operation's load.
            let kind: MatrixKind = pass == .forward ? .activation : .gradient
            let parts = products.matmuls(pass, batch: batch).map { matmul -> TileCost in
                let values = RecipeShape(kind: matmul, load: 0).outputValues
                return work(matmul, phase: phase, load: 0, store: 0, output: values, outputKind: kind)
            }
            var c = TileCost.sequence(parts, outputBytes: out.data, maskBytes: out.mask, outputValues: outputValues)
            (c.loadBytes, c.storeBytes) = (load.data + load.mask, store)
            return c
        case .softmax(let rows, let columns), .layerNorm(let rows, let columns):
            let isSoftmax: Bool
            if case .softmax = kind { isSoftmax = true } else { isSoftmax = false }
            // One PE operation per b x x tile: its rows b per cycle through the PE's b-row
            // softmax or layer-norm pipeline, one operation at a time per PE (`PETiming`, as in
            // the RTL); a row longer than x takes ceil(columns / x) tiles, with the running
            // max/sum carried between them. Softmax units are counted per module (softmaxPerPE
            // a PE), and a tile holds all of its PE's.
            let tiles = ceilShift(rows, batchShift + spatialShift) * ceilShift(columns, spatialShift)
            let input = compressedBytes(Double(rows * columns), phase == .forward ? .activation : .gradient)
            let operation = (isSoftmax ? pe.softmaxCycles : pe.layerNormCycles) + PETiming.issueCycles
            let held = isSoftmax ? softmaxPerPE : 1
            // Each group of b rows passes one b-row module once: x computing cycles a tile,
            // of the operation's cycles on the `held` units.
            let active = Double(pe.rowGroups) / Double(operation * held)
            return TileCost(
                unit: isSoftmax ? .softmax : .layerNorm, tiles: tiles, cyclesPerTile: Double(operation),
                unitsPerTile: held, pipelineLatency: 0,
                effectualMACs: 0, denseMACs: 0, bufferReadBytes: input.data + input.mask, bufferWriteBytes: out.data + out.mask,
                loadBytes: load.data + load.mask, storeBytes: store, outputBytes: out.data, maskBytes: out.mask,
                rowsThroughSparsity: Double(tiles * b * x), outputValues: outputValues, activeFraction: active)
        }
    }
}
