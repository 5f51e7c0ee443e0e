import AcceleratorProgram
import DesignSpace
import HardwareModules

/// Bit-exact executor of controller programs: it reads the program in order over the same
/// fixed-point arithmetic as the templates (the MAC lane, softmax, layer-norm and DynaProp
/// references), and leaves main memory as the generated top leaves it after `end`.
package struct ProgramReference: Sendable {
    package let geometry: ProgramGeometry
    /// Main memory, byte-addressed.
    package var memory: [UInt8]
    var activation: [Int: [Int64]] = [:]
    var weight: [Int: [Int64]] = [:]
    var mask: [Int: [UInt8]] = [:]
    /// Per PE: the partial sums and the output tile (row-major, rows x X).
    var partialSums: [[Int64]]
    var outputs: [[Int64]]
    var tau: Int64 = 0

    package init(geometry: ProgramGeometry, memory: [UInt8]) {
        self.geometry = geometry
        self.memory = memory
        partialSums = Array(repeating: Array(repeating: 0, count: geometry.tileValues), count: geometry.processingElements)
        outputs = partialSums
    }

    var f: FixedPointFormat { geometry.format }
    var wordBytes: Int { geometry.dmaWordBits / 8 }

    func wrap(_ v: Int64) -> Int64 {
        let s = Int64(64 - geometry.accumulatorBits)
        return (v << s) >> s
    }

    /// The value a buffer word holds (0 if never written: the simulation's initial state).
    package func activationWord(_ a: Int) -> [Int64] { activation[a] ?? Array(repeating: 0, count: geometry.tileValues) }
    func weightWord(_ a: Int) -> [Int64] { weight[a] ?? Array(repeating: 0, count: geometry.tile) }

    /// Runs `program` (validated first) to its end.
    package mutating func run(_ program: Program) throws {
        try program.validate(on: geometry)
        for i in program.instructions { execute(i) }
    }

    /// Runs `program` and returns, per matmul (by instruction index), the fraction of its
    /// tile's values that DynaProp keeps: the measured density a timing model needs to count
    /// the MAC lanes' row chunks.
    package mutating func runMeasuringDensity(_ program: Program) throws -> [Int: Double] {
        try program.validate(on: geometry)
        var density: [Int: Double] = [:]
        for (k, i) in program.instructions.enumerated() {
            if case .matmul(let m) = i {
                let mask = pruned(m.source, transpose: m.transpose).mask
                density[k] = Double(mask.filter { !$0 }.count) / Double(max(1, mask.count))
            }
            execute(i)
        }
        return density
    }

    mutating func execute(_ i: Instruction) {
        let g = geometry
        let f = self.f
        switch i {
        case .load(let t):
            for r in 0..<t.rows {
                let at = t.memoryAddress + r * t.stride
                let bytes = memory[at..<(at + wordBytes)]
                switch t.buffer {
                case .activation: activation[t.bufferAddress + r] = TileCodec.decode(bytes, count: g.tileValues, bits: f.bits)
                case .weight: weight[t.bufferAddress + r] = TileCodec.decode(bytes, count: g.tile, bits: f.bits)
                case .mask: mask[t.bufferAddress + r] = Array(bytes.prefix((g.maskBits + 7) / 8))
                }
            }
        case .store(let t):
            for r in 0..<t.rows {
                let at = t.memoryAddress + r * t.stride
                let bytes = TileCodec.encode(activationWord(t.bufferAddress + r), bits: f.bits, bytes: wordBytes)
                memory.replaceSubrange(at..<(at + wordBytes), with: bytes)
            }
        case .matmul(let m): matmul(m)
        case .softmax(let r):
            rowOperation(r) { row, mask in
                let packed = SparsityReference.pack(row, mask: mask)
                let keep = (0..<g.tile).map { $0 < packed.count }
                return SparsityReference.unpack(SoftmaxReference.row(packed.packed, keep: keep, format: f), mask: mask)
            }
        case .layerNorm(let r, let parameters):
            let p = activationWord(parameters)
            let gamma = Array(p[0..<g.tile])
            let beta = Array(p[g.tile..<(2 * g.tile)])
            rowOperation(r) { row, _ in LayerNormReference.row(row, gamma: gamma, beta: beta, format: f) }
        case .elementwise(let e):
            let a = activationWord(e.a)
            let b = activationWord(e.b)
            let s = e.scalar
            activation[e.destination] = a.indices.map { k in
                switch e.function {
                case .add: return f.saturate(a[k] + b[k])
                case .axpy: return f.saturate(a[k] + ((s * b[k]) >> Int64(f.fractionBits)))
                case .scale: return f.saturate((s * a[k]) >> Int64(f.fractionBits))
                case .relu: return max(a[k], 0)
                }
            }
        case .transpose(let source, let destination):
            let a = activationWord(source)
            activation[destination] =
                DynaPropReference.prune(
                    a, batch: g.batchTile, rows: g.tile, columns: g.tile, transpose: true, tau: 0, format: f
                ).values
        case .prune(let t): tau = t
        case .barrier, .end: break
        }
    }

    /// The PE's view of a tile: transposed if asked, then pruned by DynaProp.
    func pruned(_ source: Int, transpose: Bool) -> (values: [Int64], mask: [Bool]) {
        DynaPropReference.prune(
            activationWord(source), batch: geometry.batchTile, rows: geometry.tile, columns: geometry.tile, transpose: transpose, tau: tau,
            format: f)
    }

    mutating func matmul(_ m: Instruction.Matmul) {
        let g = geometry
        let x = g.tile
        let tile = pruned(m.source, transpose: m.transpose).values
        let first = m.group * g.lanes
        let columns = min(g.lanes, x - first)
        let lane = MacLaneReference(format: f, macs: 1, gelu: g.activation == .gelu)
        let weights = (0..<columns).map { weightWord(m.weights + $0) }
        for r in 0..<g.rows {
            for l in 0..<columns {
                var dot: Int64 = 0
                for j in 0..<x { dot = wrap(dot + ((tile[r * x + j] * weights[l][j]) >> Int64(f.fractionBits))) }
                let k = r * x + first + l
                let sum = m.start ? dot : wrap(partialSums[m.pe][k] + dot)
                partialSums[m.pe][k] = sum
                if m.finish {
                    let xs = f.saturate(sum)
                    outputs[m.pe][k] = m.activate ? lane.activation(xs) : xs
                }
            }
        }
        if m.finish { activation[m.destination] = outputs[m.pe] }
    }

    mutating func rowOperation(_ r: Instruction.RowOperation, _ op: ([Int64], [Bool]) -> [Int64]) {
        let x = geometry.tile
        let (values, mask) = pruned(r.source, transpose: r.transpose)
        for row in 0..<geometry.rows {
            let out = op(Array(values[(row * x)..<(row * x + x)]), Array(mask[(row * x)..<(row * x + x)]))
            outputs[r.pe].replaceSubrange((row * x)..<(row * x + x), with: out)
        }
        activation[r.destination] = outputs[r.pe]
    }
}
