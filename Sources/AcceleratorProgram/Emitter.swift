import DesignSpace
import HardwareModules

/// The compiler's working state: the instructions so far, the main-memory image, and the
/// next free activation and weight words. Every method appends the instructions that do one
/// step and returns where its result lives.
struct Emitter {
    /// Row operations a PE runs.
    enum RowKind {
        case softmax
        case layerNorm(parameters: Int)
    }

    let geometry: ProgramGeometry
    var rng: SeededGenerator
    var image: MemoryImageBuilder
    var code: [Instruction] = []
    /// The matrices placed so far, by name.
    var inputs: [LayerProgram.Region] = []
    let programAddress: Int
    var nextActivation = 0
    var nextWeight = 0
    var nextPE = 0
    /// Fraction of the layer's weights that DynaProp prunes by magnitude (0: only zeros are
    /// skipped), and the magnitudes of every weight placed so far, from which the threshold
    /// follows.
    var weightSparsity = 0.0
    var weightMagnitudes: [Int64] = []
    /// The thresholds the last `prune` set (both 0 after reset).
    var pruning: (tau: Int64, weightTau: Int64) = (0, 0)

    init(geometry: ProgramGeometry, seed: UInt64) {
        self.geometry = geometry
        rng = SeededGenerator(seed: seed)
        image = MemoryImageBuilder(geometry: geometry)
        programAddress = image.reserve(ProgramGeometry.instructionQueueDepth * ProgramGeometry.instructionBytes)
    }

    var f: FixedPointFormat { geometry.format }
    var x: Int { geometry.tile }
    /// The batch tile B: an activation word holds B X x X blocks, one per batch element.
    var batch: Int { geometry.batchTile }
    var blockBytes: Int { x * x * f.bits / 8 }
    var wordBytes: Int { batch * blockBytes }
    var rowBytes: Int { geometry.columnBits / 8 }

    mutating func random(_ rows: Int, _ columns: Int, scale: Double) -> [[Int64]] {
        (0..<rows).map { _ in (0..<columns).map { _ in f.quantize((rng.nextUnit() * 2 - 1) * scale) } }
    }

    /// A random input matrix per batch element in main memory (activation blocks), zero-free
    /// with its masks, or dense when its blocks are loaded one at a time.
    mutating func input(_ name: String, rows: Int, columns: Int, scale: Double, zeroFree: Bool = true) -> MatrixPlacement {
        var elements: [[[Int64]]] = []
        for _ in 0..<batch { elements.append(random(rows, columns, scale: scale)) }
        return named(name, image.place(batch: elements, zeroFree: zeroFree))
    }

    /// Reserves `bytes` of zeros right after what was placed last, so that a word read or
    /// written at one of its blocks (a block shifted to the front of a word, an activation
    /// word over a weight block) stays inside the program's own data.
    mutating func pad(_ bytes: Int) { if bytes > 0 { _ = image.reserve(bytes) } }

    /// A random rows x columns weight matrix, stored transposed (one block row per column).
    mutating func weight(_ name: String, rows: Int, columns: Int) -> MatrixPlacement {
        let w = random(rows, columns, scale: 0.5)
        weightMagnitudes += w.flatMap { $0.map { abs($0) } }
        return named(name + "^T", image.place((0..<columns).map { c in (0..<rows).map { w[$0][c] } }))
    }

    /// An activation word whose row 0 is gamma and row 1 beta, zero-free with its mask.
    mutating func layerNormParameters(_ name: String) -> MatrixPlacement {
        let zero = [[Int64]](repeating: [Int64](repeating: 0, count: x), count: x)
        var m = zero
        m[0] = (0..<x).map { _ in f.quantize(0.5 + rng.nextUnit()) }
        m[1] = (0..<x).map { _ in f.quantize(rng.nextUnit() - 0.5) }
        // The parameters are shared by the batch: the region names block 0 only.
        let p = image.place(batch: [m] + Array(repeating: zero, count: batch - 1))
        _ = named(name, MatrixPlacement(address: p.address, rows: x, columns: x, tile: x, blockBytes: blockBytes))
        return p
    }

    /// Records `p` as the input called `name`.
    mutating func named(_ name: String, _ p: MatrixPlacement) -> MatrixPlacement {
        inputs.append(LayerProgram.Region(name: name, placement: p))
        return p
    }

    mutating func activationWords(_ n: Int) -> Int {
        defer { nextActivation += n }
        return nextActivation
    }

    mutating func pe() -> Int {
        defer { nextPE = (nextPE + 1) % geometry.processingElements }
        return nextPE
    }

    mutating func barrier() { if code.last != .barrier { code.append(.barrier) } }

    /// The weight threshold that prunes `weightSparsity` of the weights placed so far: the
    /// magnitude at that quantile (weights strictly below it are pruned; 0 when off).
    var weightThreshold: Int64 {
        guard weightSparsity > 0, !weightMagnitudes.isEmpty else { return 0 }
        let sorted = weightMagnitudes.sorted()
        return sorted[min(sorted.count - 1, Int((weightSparsity * Double(sorted.count)).rounded(.down)))]
    }

    /// Emits a `prune` when either threshold differs from the one in force (nil keeps it).
    mutating func setPruning(tau: Int64? = nil, weightTau: Int64? = nil) {
        let next = (tau: tau ?? pruning.tau, weightTau: weightTau ?? pruning.weightTau)
        guard next != pruning else { return }
        code.append(.prune(tau: next.tau, weightTau: next.weightTau))
        pruning = next
    }

    /// Loads every block of `m` and its masks (two transfers); returns the words, [block
    /// row][block column]. A dense matrix gets all-zero masks, under which the buffer reads
    /// its values back as they are.
    mutating func loadTiles(_ m: MatrixPlacement) -> [[Int]] {
        let count = m.blockRows * m.blockColumns
        let base = activationWords(count)
        code.append(.load(.init(buffer: .activation, bufferAddress: base, rows: count, memoryAddress: m.address, stride: m.blockBytes)))
        loadMasks(base, count: count, from: m.maskAddress)
        return (0..<m.blockRows).map { i in (0..<m.blockColumns).map { base + i * m.blockColumns + $0 } }
    }

    /// Loads the word at `address` and its mask (at `mask`, or all zero: a dense word).
    mutating func loadTile(_ address: Int, mask: Int? = nil) -> Int {
        let word = activationWords(1)
        code.append(.load(.init(buffer: .activation, bufferAddress: word, rows: 1, memoryAddress: address, stride: wordBytes)))
        loadMasks(word, count: 1, from: mask)
        return word
    }

    /// Loads `count` mask words from `address` (one slot of a word each), or all-zero masks
    /// from a fresh zero area when nil.
    mutating func loadMasks(_ word: Int, count: Int, from address: Int?) {
        let at = address ?? image.reserve(count * wordBytes)
        code.append(.load(.init(buffer: .mask, bufferAddress: word, rows: count, memoryAddress: at, stride: wordBytes)))
    }

    /// A copy of `word` stored dense (all-zero mask), ready for main memory in the form weight
    /// columns and single blocks are loaded from; the barrier lets a store follow.
    mutating func dense(_ word: Int) -> Int {
        let copy = elementwise(.dense, word)
        barrier()
        return copy
    }

    /// Loads the X rows of the block at `address` as X weight columns.
    mutating func loadColumns(_ address: Int) -> Int {
        let base = nextWeight
        nextWeight += x
        code.append(.load(.init(buffer: .weight, bufferAddress: base, rows: x, memoryAddress: address, stride: rowBytes)))
        return base
    }

    /// Loads the X rows of the block at `address` as X weight columns, then waits for them.
    mutating func loadWeightRows(_ address: Int) -> Int {
        let base = loadColumns(address)
        barrier()
        return base
    }

    /// For each batch element e, block e of the word spilled at `sources` loaded at the front
    /// of a word, and the weight columns that are the rows of block e of the word spilled at
    /// `columns`; then a barrier, so the matmuls that use them see the loads done.
    mutating func loadBatchOperands(sources: Int, columns: Int) -> (shifted: [Int], weights: [Int]) {
        var shifted: [Int] = []
        var weights: [Int] = []
        for e in 0..<batch {
            shifted.append(loadTile(sources + e * blockBytes))
            weights.append(loadColumns(columns + e * blockBytes))
        }
        barrier()
        return (shifted, weights)
    }

    /// Per batch element e: block e of the word spilled at `sources` times the weight columns
    /// that are the rows of block e of the word spilled at `columns` (attention: Q_e K_e^T,
    /// P_e V_e). The lanes' columns serve every row of a tile, so each element takes its own
    /// matmul, with its block loaded at the front of a word (a load from the spill plus e
    /// blocks). Its result (at the front of the product) is stored to a gather area plus e
    /// blocks; the DMA runs the stores in program order, so each overwrites only blocks of the
    /// elements after it, and the gathered word (element e in block e) is loaded back.
    /// Both spills need a word of padding after them (`spill` reserves it).
    mutating func batchedProduct(sources: Int, columns: Int) -> Int {
        let gather = image.reserve(2 * wordBytes)
        let (shifted, weights) = loadBatchOperands(sources: sources, columns: columns)
        let products = (0..<batch).map { matmulTile(shifted[$0], weights: weights[$0], finish: true) }
        barrier()
        let copies = products.map { elementwise(.dense, $0) }
        barrier()
        for (e, word) in copies.enumerated() {
            code.append(
                .store(.init(buffer: .activation, bufferAddress: word, rows: 1, memoryAddress: gather + e * blockBytes, stride: wordBytes)))
        }
        return loadTile(gather)
    }

    /// The sum over batch elements e of block e of the word at `sources` times the weight
    /// columns that are the rows of block e of the word spilled at `columns` (a weight
    /// gradient, which sums over the batch): one K-reduction on one PE whose tiles are the
    /// elements, each loaded at the front of a word. Block 0 of the result holds the sum.
    mutating func batchedReduction(sources: Int, columns: Int) -> Int {
        setPruning(weightTau: 0)  // the lanes' columns are activations here, not weights
        let (shifted, weights) = loadBatchOperands(sources: sources, columns: columns)
        let destination = activationWords(1)
        let p = pe()
        for group in 0..<geometry.columnGroups {
            for e in 0..<batch {
                code.append(
                    .matmul(
                        .init(
                            pe: p, source: shifted[e], weights: weights[e] + group * geometry.lanes, group: group,
                            destination: destination, start: e == 0, finish: e == batch - 1)))
            }
        }
        return destination
    }

    /// One K tile on one PE for every column group: `source` times the columns at `weights`.
    mutating func matmulTile(_ source: Int, weights: Int, finish: Bool, activate: Bool = false) -> Int {
        setPruning(weightTau: 0)  // the lanes' columns are activations here, not weights
        let destination = activationWords(1)
        let p = pe()
        for group in 0..<geometry.columnGroups {
            code.append(
                .matmul(
                    .init(
                        pe: p, source: source, weights: weights + group * geometry.lanes, group: group, destination: destination,
                        start: true,
                        finish: finish, activate: activate)))
        }
        return destination
    }

    /// Y = A W (A given as words [block row][K block], W as its transposed placement): each
    /// output block is a K-reduction on one PE.
    mutating func linear(_ a: [[Int]], _ w: MatrixPlacement, activate: Bool = false) -> [[Int]] {
        let kBlocks = a[0].count
        let nBlocks = w.blockRows
        var weights = [[Int]](repeating: [], count: kBlocks)
        for k in 0..<kBlocks {
            for j in 0..<nBlocks {
                let base = nextWeight
                nextWeight += x
                code.append(.load(.init(buffer: .weight, bufferAddress: base, rows: x, memoryAddress: w.block(j, k), stride: rowBytes)))
                weights[k].append(base)
            }
        }
        barrier()
        setPruning(weightTau: weightThreshold)
        return a.map { row in
            (0..<nBlocks).map { j in
                let destination = activationWords(1)
                let p = pe()
                for group in 0..<geometry.columnGroups {
                    for k in 0..<kBlocks {
                        code.append(
                            .matmul(
                                .init(
                                    pe: p, source: row[k], weights: weights[k][j] + group * geometry.lanes, group: group,
                                    destination: destination, start: k == 0, finish: k == kBlocks - 1, activate: activate)))
                    }
                }
                return destination
            }
        }
    }

    mutating func rowOp(_ kind: RowKind, _ source: Int) -> Int {
        let destination = activationWords(1)
        let r = Instruction.RowOperation(pe: pe(), source: source, destination: destination)
        switch kind {
        case .softmax: code.append(.softmax(r))
        case .layerNorm(let parameters): code.append(.layerNorm(r, parameters: parameters))
        }
        return destination
    }

    mutating func elementwise(_ function: ElementwiseFunction, _ a: Int, b: Int = 0, scalar: Int64 = 0) -> Int {
        let destination = activationWords(1)
        code.append(.elementwise(.init(function: function, a: a, b: b, destination: destination, scalar: scalar)))
        return destination
    }

    mutating func transpose(_ source: Int) -> Int {
        let destination = activationWords(1)
        code.append(.transpose(source: source, destination: destination))
        return destination
    }

    /// Stores a word to a scratch area in main memory; returns its address. With B > 1 a word
    /// of padding follows, for loads of its blocks at the front of a word.
    /// The word is stored dense: its rows become weight columns and its blocks single loads.
    mutating func spill(_ word: Int, name: String) -> Int {
        let address = image.reserve(batch > 1 ? 2 * wordBytes : wordBytes)
        let copy = dense(word)
        code.append(.store(.init(buffer: .activation, bufferAddress: copy, rows: 1, memoryAddress: address, stride: wordBytes)))
        return address
    }

    /// Stores words [block row][block column] as a batch of matrices in main memory, zero-free:
    /// each word's stored values and, beside them, its mask.
    mutating func storeTiles(_ words: [[Int]], name: String) -> LayerProgram.Region {
        let m = image.reserveMatrix(rows: words.count * x, columns: words[0].count * x, batch: batch, zeroFree: true)
        barrier()
        for (i, row) in words.enumerated() {
            for (j, word) in row.enumerated() {
                code.append(
                    .store(.init(buffer: .activation, bufferAddress: word, rows: 1, memoryAddress: m.block(i, j), stride: m.blockBytes)))
                code.append(
                    .store(.init(buffer: .mask, bufferAddress: word, rows: 1, memoryAddress: m.maskBlock(i, j)!, stride: m.blockBytes)))
            }
        }
        return LayerProgram.Region(name: name, placement: m)
    }

    /// Stores block 0 of a word (a result shared by the batch, such as a weight gradient) as
    /// one X x X matrix; the word's other blocks land in padding after it.
    /// The word is stored dense, so block 0 is the matrix itself.
    mutating func storeBlock(_ word: Int, name: String) -> LayerProgram.Region {
        let address = image.reserve(wordBytes)
        barrier()
        let copy = dense(word)
        code.append(.store(.init(buffer: .activation, bufferAddress: copy, rows: 1, memoryAddress: address, stride: wordBytes)))
        return LayerProgram.Region(
            name: name, placement: MatrixPlacement(address: address, rows: x, columns: x, tile: x, blockBytes: blockBytes))
    }
}
