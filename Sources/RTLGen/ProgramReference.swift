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
    /// The activation and mask buffers in their stored (zero-free) form: an activation word's
    /// non-zero values packed to the front, and the mask word at its address (bit i = 1 when
    /// value i is zero), as the DMA moves them.
    var activation: [Int: [Int64]] = [:]
    var weight: [Int: [Int64]] = [:]
    var mask: [Int: [UInt8]] = [:]
    /// Per PE: the partial sums and the output tile (row-major, rows x X).
    var partialSums: [[Int64]]
    var outputs: [[Int64]]
    var tau: Int64 = 0
    var weightTau: Int64 = 0
    /// Per PE and lane: the stationary column and its weight mask (true = ineffectual), set
    /// when a matmul loads the lanes, as the PE does. A lane not loaded by the last load has
    /// every weight ineffectual (the reset state and the PE's clear before each load).
    var laneColumns: [[[Int64]]]
    var laneMasks: [[[Bool]]]

    package init(geometry: ProgramGeometry, memory: [UInt8]) {
        self.geometry = geometry
        self.memory = memory
        partialSums = Array(repeating: Array(repeating: 0, count: geometry.tileValues), count: geometry.processingElements)
        outputs = partialSums
        let lanes = Array(repeating: [Int64](repeating: 0, count: geometry.tile), count: geometry.lanes)
        laneColumns = Array(repeating: lanes, count: geometry.processingElements)
        laneMasks = Array(
            repeating: Array(repeating: [Bool](repeating: true, count: geometry.tile), count: geometry.lanes),
            count: geometry.processingElements)
    }

    /// The weight mask the PE sets when it loads a column: a weight is ineffectual when it
    /// is zero or, with DynaProp weight pruning on, when its magnitude is below the threshold.
    package static func weightMask(_ column: [Int64], weightTau: Int64, format: FixedPointFormat) -> [Bool] {
        column.map { w in
            let v = format.signExtend(w)
            return v == 0 || abs(v) < weightTau
        }
    }

    var f: FixedPointFormat { geometry.format }
    var wordBytes: Int { geometry.dmaWordBits / 8 }

    func wrap(_ v: Int64) -> Int64 {
        let s = Int64(64 - geometry.accumulatorBits)
        return (v << s) >> s
    }

    /// The dense tile the units see at activation word `a`: its stored values unpacked by the
    /// mask word at the same address (both 0 if never written: the simulation's initial state).
    package func activationWord(_ a: Int) -> [Int64] {
        let n = geometry.tileValues
        let bytes = mask[a] ?? []
        let bits = (0..<n).map { i in i / 8 < bytes.count && (bytes[i / 8] >> UInt8(i % 8)) & 1 == 1 }
        return ZeroFreeReference.unpack(activation[a] ?? Array(repeating: 0, count: n), mask: bits)
    }

    /// A PE's or the vector unit's write: through the packer into both buffers (`raw`: stored
    /// as it is under an all-zero mask).
    mutating func writeActivation(_ a: Int, _ tile: [Int64], raw: Bool = false) {
        let stored = ZeroFreeReference.pack(tile, raw: raw)
        activation[a] = stored.packed
        var bytes = [UInt8](repeating: 0, count: (geometry.maskBits + 7) / 8)
        for (i, zero) in stored.mask.enumerated() where zero { bytes[i / 8] |= 1 << UInt8(i % 8) }
        mask[a] = bytes
    }
    func weightWord(_ a: Int) -> [Int64] { weight[a] ?? Array(repeating: 0, count: geometry.tile) }

    /// Runs `program` (validated first) to its end.
    package mutating func run(_ program: Program) throws {
        try program.validate(on: geometry)
        for i in program.instructions { execute(i) }
    }

    /// Runs `program` and returns, per matmul (by instruction index), per row of its tile,
    /// every lane's count of the values that both the row's activation mask and the lane's
    /// weight mask keep: what the MAC lanes' row chunks follow from (`PETiming`), measured on
    /// the same data.
    package mutating func runMeasuringKept(_ program: Program) throws -> [Int: [[Int]]] {
        try program.validate(on: geometry)
        var kept: [Int: [[Int]]] = [:]
        let x = geometry.tile
        for (k, i) in program.instructions.enumerated() {
            if case .matmul(let mm) = i {
                if !mm.keepWeights { loadLanes(mm) }
                let mask = pruned(mm.source, transpose: mm.transpose).mask
                kept[k] = (0..<geometry.rows).map { r in
                    laneMasks[mm.pe].map { weights in (0..<x).filter { !mask[r * x + $0] && !weights[$0] }.count }
                }
            }
            execute(i)
        }
        return kept
    }

    /// The PE's column load: lanes of the group get their columns and weight masks, the
    /// others are cleared (every weight ineffectual).
    mutating func loadLanes(_ m: Instruction.Matmul) {
        let columns = min(geometry.lanes, geometry.tile - m.group * geometry.lanes)
        for l in 0..<geometry.lanes {
            if l < columns {
                laneColumns[m.pe][l] = weightWord(m.weights + l).map(f.signExtend)
                laneMasks[m.pe][l] = Self.weightMask(laneColumns[m.pe][l], weightTau: weightTau, format: f)
            } else {
                laneMasks[m.pe][l] = [Bool](repeating: true, count: geometry.tile)
            }
        }
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
            // The stored form: packed values, or the mask word followed by zeros to a DMA word.
            for r in 0..<t.rows {
                let at = t.memoryAddress + r * t.stride
                let word = t.bufferAddress + r
                var bytes: [UInt8]
                switch t.buffer {
                case .mask:
                    bytes = mask[word] ?? []
                    bytes += [UInt8](repeating: 0, count: wordBytes - bytes.count)
                default:
                    bytes = TileCodec.encode(
                        activation[word] ?? Array(repeating: 0, count: g.tileValues), bits: f.bits, bytes: wordBytes)
                }
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
            let result = a.indices.map { k in
                switch e.function {
                case .add: return f.saturate(a[k] + b[k])
                case .axpy: return f.saturate(a[k] + ((s * b[k]) >> Int64(f.fractionBits)))
                case .scale: return f.saturate((s * a[k]) >> Int64(f.fractionBits))
                case .relu: return max(a[k], 0)
                case .dense: return a[k]
                }
            }
            writeActivation(e.destination, result, raw: e.function == .dense)
        case .transpose(let source, let destination):
            let a = activationWord(source)
            writeActivation(
                destination,
                DynaPropReference.prune(
                    a, batch: g.batchTile, rows: g.tile, columns: g.tile, transpose: true, tau: 0, format: f
                ).values)
        case .prune(let t, let wt): (tau, weightTau) = (t, wt)
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
        // Ineffectual weights are skipped by the lanes: they contribute exactly 0.
        if !m.keepWeights { loadLanes(m) }
        let weights = (0..<columns).map { l in zip(laneColumns[m.pe][l], laneMasks[m.pe][l]).map { $1 ? 0 : $0 } }
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
        if m.finish { writeActivation(m.destination, outputs[m.pe]) }
    }

    mutating func rowOperation(_ r: Instruction.RowOperation, _ op: ([Int64], [Bool]) -> [Int64]) {
        let x = geometry.tile
        let (values, mask) = pruned(r.source, transpose: r.transpose)
        for row in 0..<geometry.rows {
            let out = op(Array(values[(row * x)..<(row * x + x)]), Array(mask[(row * x)..<(row * x + x)]))
            outputs[r.pe].replaceSubrange((row * x)..<(row * x + x), with: out)
        }
        writeActivation(r.destination, outputs[r.pe])
    }
}
