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
    let programAddress: Int
    var nextActivation = 0
    var nextWeight = 0
    var nextPE = 0

    init(geometry: ProgramGeometry, seed: UInt64) {
        self.geometry = geometry
        rng = SeededGenerator(seed: seed)
        image = MemoryImageBuilder(geometry: geometry)
        programAddress = image.reserve(ProgramGeometry.instructionQueueDepth * ProgramGeometry.instructionBytes)
    }

    var f: FixedPointFormat { geometry.format }
    var x: Int { geometry.tile }
    var blockBytes: Int { x * x * f.bits / 8 }
    var rowBytes: Int { geometry.columnBits / 8 }

    mutating func random(_ rows: Int, _ columns: Int, scale: Double) -> [[Int64]] {
        (0..<rows).map { _ in (0..<columns).map { _ in f.quantize((rng.nextUnit() * 2 - 1) * scale) } }
    }

    /// A random input matrix in main memory.
    mutating func input(_ name: String, rows: Int, columns: Int, scale: Double) -> MatrixPlacement {
        let m = random(rows, columns, scale: scale)
        return image.place(m)
    }

    /// A random rows x columns weight matrix, stored transposed (one block row per column).
    mutating func weight(_ name: String, rows: Int, columns: Int) -> MatrixPlacement {
        let w = random(rows, columns, scale: 0.5)
        return image.place((0..<columns).map { c in (0..<rows).map { w[$0][c] } })
    }

    /// A block whose row 0 is gamma and row 1 beta; returns its address.
    mutating func layerNormParameters(_ name: String) -> Int {
        var m = [[Int64]](repeating: [Int64](repeating: 0, count: x), count: x)
        m[0] = (0..<x).map { _ in f.quantize(0.5 + rng.nextUnit()) }
        m[1] = (0..<x).map { _ in f.quantize(rng.nextUnit() - 0.5) }
        return image.place(m).address
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

    /// Loads every block of `m` (one transfer); returns the words, [block row][block column].
    mutating func loadTiles(_ m: MatrixPlacement) -> [[Int]] {
        let base = activationWords(m.blockRows * m.blockColumns)
        code.append(
            .load(
                .init(
                    buffer: .activation, bufferAddress: base, rows: m.blockRows * m.blockColumns, memoryAddress: m.address,
                    stride: blockBytes)))
        return (0..<m.blockRows).map { i in (0..<m.blockColumns).map { base + i * m.blockColumns + $0 } }
    }

    mutating func loadTile(_ address: Int) -> Int {
        let word = activationWords(1)
        code.append(.load(.init(buffer: .activation, bufferAddress: word, rows: 1, memoryAddress: address, stride: blockBytes)))
        return word
    }

    /// Loads the X rows of the block at `address` as X weight columns, then waits for them.
    mutating func loadWeightRows(_ address: Int) -> Int {
        let base = nextWeight
        nextWeight += x
        code.append(.load(.init(buffer: .weight, bufferAddress: base, rows: x, memoryAddress: address, stride: rowBytes)))
        barrier()
        return base
    }

    /// One K tile on one PE for every column group: `source` times the columns at `weights`.
    mutating func matmulTile(_ source: Int, weights: Int, finish: Bool, activate: Bool = false) -> Int {
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

    /// Stores a word to a scratch block in main memory; returns the block's address.
    mutating func spill(_ word: Int, name: String) -> Int {
        let address = image.reserve(blockBytes)
        code.append(.store(.init(buffer: .activation, bufferAddress: word, rows: 1, memoryAddress: address, stride: blockBytes)))
        return address
    }

    /// Stores words [block row][block column] as a matrix in main memory.
    mutating func storeTiles(_ words: [[Int]], name: String) -> LayerProgram.Region {
        let m = image.reserveMatrix(rows: words.count * x, columns: words[0].count * x)
        barrier()
        for (i, row) in words.enumerated() {
            for (j, word) in row.enumerated() {
                code.append(
                    .store(.init(buffer: .activation, bufferAddress: word, rows: 1, memoryAddress: m.block(i, j), stride: blockBytes)))
            }
        }
        return LayerProgram.Region(name: name, placement: m)
    }
}
