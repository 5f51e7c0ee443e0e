import DesignSpace
import Elector
import Foundation
import HardwareModules
import RTLGen
import RTLSim
import Testing

/// End to end through the generated PE: tiles pass DynaProp pruning, the sparsity modules and
/// the MAC lanes, softmax modules or layer-norm, and must equal the Swift reference. The lanes'
/// columns carry weight masks (zero, or below the weight threshold): a row's cycles are the
/// most any lane needs for the values both masks keep, which the result spacing must show.
/// Softmax and layer-norm results leave B rows at a time.
@Suite(.serialized) struct ProcessingElementRTLTests {
    let f = RTLFixtures.format

    struct PE {
        let config: AcceleratorConfig
        let layout: PortLayout
        let w: Int
        init(_ c: AcceleratorConfig, format: FixedPointFormat) {
            config = c
            w = format.bits
            let x = c.spatialTile
            let lw = max(1, Int.ceilLog2(max(c.macLanesPerPE, c.softmaxPerPE)))
            var l = PortLayout(validOutputs: ["res_row_valid", "res_dots_valid"])
            for (name, bits) in [
                ("tbl_we", 1), ("tbl_addr", 4), ("tbl_data", w), ("tau_load", 1), ("rho_sel", 4), ("wl_clear", 1), ("wl_valid", 1),
                ("wl_lane", lw), ("wl_col", x * w), ("wt_tau", w), ("ln_gamma", x * w), ("ln_beta", x * w), ("op_valid", 1), ("op_hold", 1),
                ("op_code", 2), ("op_act", 1), ("op_transpose", 1), ("op_tile", c.batchTile * x * x * w),
            ] {
                l.input(name, bits)
            }
            for (name, bits) in [
                ("op_ready", 1), ("res_row_valid", 1), ("res_row", c.batchTile * x * w), ("res_row_mask", c.batchTile * x),
                ("res_dots_valid", 1),
                ("res_dots", c.macLanesPerPE * w), ("busy", 1),
            ] {
                l.output(name, bits)
            }
            layout = l
        }

        func vector(_ values: [String: [Int64]], wordPorts: Set<String> = ["tbl_data", "wl_col", "ln_gamma", "ln_beta", "op_tile"])
            -> BitVector
        {
            var v = BitVector(width: layout.inputBits)
            for (name, elements) in values {
                let port = layout.input(named: name)
                let bits = wordPorts.contains(name) ? w : port.bits
                for (i, e) in elements.enumerated() { v.set(e, at: port.offset + i * bits, bits: bits) }
            }
            return v
        }

        func read(_ s: RTLSimulator.Sample, _ name: String, elementBits: Int, signed: Bool = true) -> [Int64] {
            let port = layout.output(named: name)
            return (0..<(port.bits / elementBits)).map {
                s.outputs.get(at: port.offset + $0 * elementBits, bits: elementBits, signed: signed)
            }
        }
    }

    static let configs: [AcceleratorConfig] = [
        try! AcceleratorConfig(
            batchTile: 1, spatialTile: 8, activation: .gelu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 1,
            softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0]),
        try! AcceleratorConfig(
            batchTile: 4, spatialTile: 8, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 16,
            softmaxPerPE: 4, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0]),
    ]

    @Test(arguments: 0..<configs.count)
    func tilesThroughThePEMatchTheReference(index: Int) throws {
        let c = Self.configs[index]
        let pe = PE(c, format: f)
        let x = c.spatialTile
        let rows = c.batchTile * x
        let lanes = c.macLanesPerPE
        let m = c.macsPerLane
        var rng = SeededGenerator(seed: UInt64(index) + 7)
        let tau = f.quantize(0.3)
        var stimulus: [BitVector] = [
            pe.vector(["tbl_we": [1], "tbl_addr": [0], "tbl_data": [tau]]),
            pe.vector(["tbl_we": [1], "tbl_addr": [1], "tbl_data": [0]]),
            pe.vector(["tau_load": [1], "rho_sel": [0]]),
        ]
        // Dense columns first (weight pruning off: only zeros would be skipped).
        var columns = (0..<lanes).map { _ in (0..<x).map { _ in f.quantize(rng.nextUnit() * 2 - 1) } }
        var weightMasks = columns.map { ProgramReference.weightMask($0, weightTau: 0, format: f) }
        for l in 0..<lanes { stimulus.append(pe.vector(["wl_valid": [1], "wl_lane": [Int64(l)], "wl_col": columns[l]])) }
        let gamma = (0..<x).map { _ in f.quantize(0.5 + rng.nextUnit()) }
        let beta = (0..<x).map { _ in f.quantize(rng.nextUnit() - 0.5) }
        let idle = pe.vector(["ln_gamma": gamma, "ln_beta": beta])
        let lane = MacLaneReference(format: f, macs: m, gelu: c.activation == .gelu)

        var expectedDots: [[Int64]] = []
        var expectedRows: [([Int64], [Bool])] = []
        var expectedChunks: [[Int]] = []  // per matmul tile, per row
        func issue(code: Int64, act: Bool, transpose: Bool, tile: [Int64], tau: Int64) {
            stimulus.append(
                pe.vector([
                    "op_valid": [1], "op_code": [code], "op_act": [act ? 1 : 0], "op_transpose": [transpose ? 1 : 0],
                    "op_tile": tile, "ln_gamma": gamma, "ln_beta": beta,
                ]))
            stimulus += Array(repeating: idle, count: 3 * rows * ((x + m - 1) / m) + 24)
            let pruned = DynaPropReference.prune(tile, batch: c.batchTile, rows: x, columns: x, transpose: transpose, tau: tau, format: f)
            var rowResults: [([Int64], [Bool])] = []
            for r in 0..<rows {
                let row = Array(pruned.values[(r * x)..<(r * x + x)])
                let mask = Array(pruned.mask[(r * x)..<(r * x + x)])
                let packed = SparsityReference.pack(row, mask: mask)
                switch code {
                case 0:
                    // Lane l packs the row and its column over the values both masks keep.
                    let both = (0..<lanes).map { l in zip(mask, weightMasks[l]).map { $0 || $1 } }
                    let kept = both.map { SparsityReference.pack(row, mask: $0).count }
                    let chunks = kept.map { max(1, ($0 + m - 1) / m) }.max()!
                    if r == 0 { expectedChunks.append([]) }
                    expectedChunks[expectedChunks.count - 1].append(chunks)
                    func padded(_ v: [Int64]) -> [Int64] { v + [Int64](repeating: 0, count: max(chunks * m - v.count, 0)) }
                    expectedDots.append(
                        (0..<lanes).map { l in
                            let a = padded(SparsityReference.pack(row, mask: both[l]).packed)
                            let w = padded(SparsityReference.pack(columns[l], mask: both[l]).packed)
                            let beats = (0..<chunks).map { k in
                                MacLaneReference.Beat(
                                    a: Array(a[(k * m)..<(k * m + m)]), b: Array(w[(k * m)..<(k * m + m)]),
                                    first: k == 0, last: k == chunks - 1, act: act)
                            }
                            return lane.run(beats)[0]
                        })
                case 1:
                    let keep = (0..<x).map { $0 < packed.count }
                    let probabilities = SoftmaxReference.row(packed.packed, keep: keep, format: f)
                    rowResults.append((SparsityReference.unpack(probabilities, mask: mask), mask))
                default:
                    rowResults.append(
                        (LayerNormReference.row(row, gamma: gamma, beta: beta, format: f), [Bool](repeating: false, count: x)))
                }
            }
            // B rows leave together, row g B + r at position r.
            for g in stride(from: 0, to: rowResults.count, by: c.batchTile) {
                let group = rowResults[g..<(g + c.batchTile)]
                expectedRows.append((group.flatMap(\.0), group.flatMap(\.1)))
            }
        }
        let n = c.batchTile * x * x
        // Matmul tiles (one transposed, one with many pruned values), then a softmax tile.
        issue(code: 0, act: true, transpose: false, tile: (0..<n).map { _ in f.quantize(rng.nextUnit() * 2 - 1) }, tau: tau)
        issue(code: 0, act: false, transpose: true, tile: (0..<n).map { _ in f.quantize((rng.nextUnit() * 2 - 1) * 0.4) }, tau: tau)
        issue(code: 1, act: false, transpose: false, tile: (0..<n).map { _ in f.quantize(rng.nextUnit() * 4 - 2) }, tau: tau)
        // Layer-norm with pruning off (threshold entry 1 = 0).
        stimulus.append(pe.vector(["tau_load": [1], "rho_sel": [1], "ln_gamma": gamma, "ln_beta": beta]))
        issue(code: 2, act: false, transpose: false, tile: (0..<n).map { _ in f.quantize(rng.nextUnit() * 4 - 2) }, tau: 0)
        // The same dense tile on dense columns, then on columns of which about 80% are zero or
        // below the weight threshold; the last lane is cleared and not loaded (as for a column
        // group narrower than the lanes), so it must cost nothing.
        let dense = (0..<n).map { _ in f.quantize(rng.nextUnit() * 2 - 1) }
        issue(code: 0, act: false, transpose: false, tile: dense, tau: 0)
        let weightTau = f.quantize(0.2)
        stimulus.append(pe.vector(["wl_clear": [1], "ln_gamma": gamma, "ln_beta": beta]))
        for l in 0..<(lanes - 1) {
            columns[l] = (0..<x).map { _ in rng.nextUnit() < 0.6 ? 0 : f.quantize(rng.nextUnit() * 2 - 1) }
            weightMasks[l] = ProgramReference.weightMask(columns[l], weightTau: weightTau, format: f)
            stimulus.append(
                pe.vector([
                    "wl_valid": [1], "wl_lane": [Int64(l)], "wl_col": columns[l], "wt_tau": [weightTau], "ln_gamma": gamma, "ln_beta": beta,
                ]))
        }
        weightMasks[lanes - 1] = [Bool](repeating: true, count: x)
        issue(code: 0, act: false, transpose: false, tile: dense, tau: 0)

        let files = try RTLFixtures.generator.generate(c, command: "PE test").files.filter {
            !["elector_top.sv", "elector_sram.sv", "elector_pe_slot.sv"].contains($0.name)
        }
        let samples = try RTLFixtures.verilator.run(
            top: "elector_pe", sources: Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.text) }), layout: pe.layout,
            stimulus: stimulus, drain: 64)
        let dots = samples.filter { pe.read($0, "res_dots_valid", elementBits: 1, signed: false)[0] == 1 }
            .map { pe.read($0, "res_dots", elementBits: f.bits) }
        let rowSamples = samples.filter { pe.read($0, "res_row_valid", elementBits: 1, signed: false)[0] == 1 }
        #expect(dots.count == expectedDots.count)
        #expect(dots == expectedDots)
        #expect(rowSamples.count == expectedRows.count)
        #expect(rowSamples.map { pe.read($0, "res_row", elementBits: f.bits) } == expectedRows.map(\.0))
        #expect(rowSamples.map { pe.read($0, "res_row_mask", elementBits: 1, signed: false).map { $0 == 1 } } == expectedRows.map(\.1))
        // Pruning really happened: some rows lost values to DynaProp.
        #expect(expectedRows.contains { $0.1.contains(true) })
        // Cycles: within a tile, row r's result leaves rowChunks(r) cycles after row r - 1's.
        let dotCycles =
            dots.isEmpty ? [] : samples.filter { pe.read($0, "res_dots_valid", elementBits: 1, signed: false)[0] == 1 }.map(\.cycle)
        var at = 0
        var measured: [[Int]] = []
        for tile in expectedChunks {
            guard at + tile.count <= dotCycles.count else { break }
            measured.append([tile[0]] + (1..<tile.count).map { dotCycles[at + $0] - dotCycles[at + $0 - 1] })
            at += tile.count
        }
        #expect(measured == expectedChunks)
        // The weight-sparse tile is faster than the same tile on dense columns when a lane has
        // fewer multipliers than a row has values (and takes one cycle a row otherwise).
        let denseCycles = expectedChunks[expectedChunks.count - 2].reduce(0, +)
        let sparseCycles = expectedChunks[expectedChunks.count - 1].reduce(0, +)
        #expect(m >= x ? sparseCycles == rows && denseCycles == rows : sparseCycles < denseCycles)
    }

    /// A softmax and a layer-norm tile on a fresh PE take exactly `PETiming`'s run cycles (B
    /// rows a cycle: X issue cycles a tile, not B X), and their groups leave one a cycle.
    @Test(arguments: 0..<configs.count)
    func softmaxAndLayerNormTilesTakeTheirPETimingCycles(index: Int) throws {
        let c = Self.configs[index]
        let pe = PE(c, format: f)
        let timing = PETiming(config: c, format: f)
        let x = c.spatialTile
        var rng = SeededGenerator(seed: UInt64(index) + 31)
        let gamma = (0..<x).map { _ in f.quantize(0.5 + rng.nextUnit()) }
        let beta = (0..<x).map { _ in f.quantize(rng.nextUnit() - 0.5) }
        let idle = pe.vector(["ln_gamma": gamma, "ln_beta": beta])
        // Threshold 0: nothing pruned.
        var stimulus: [BitVector] = [
            pe.vector(["tbl_we": [1], "tbl_addr": [0], "tbl_data": [0]]), pe.vector(["tau_load": [1], "rho_sel": [0]]),
        ]
        let gap = timing.softmaxRunCycles + timing.layerNormRunCycles + 8
        var issued: [(cycle: Int, run: Int)] = []
        for (code, run) in [(Int64(1), timing.softmaxRunCycles), (2, timing.layerNormRunCycles)] {
            issued.append((stimulus.count, run))
            let tile = (0..<(c.batchTile * x * x)).map { _ in f.quantize(rng.nextUnit() * 4 - 2) }
            stimulus.append(pe.vector(["op_valid": [1], "op_code": [code], "op_tile": tile, "ln_gamma": gamma, "ln_beta": beta]))
            stimulus += Array(repeating: idle, count: gap)
        }
        let files = try RTLFixtures.generator.generate(c, command: "PE timing test").files.filter {
            !["elector_top.sv", "elector_sram.sv", "elector_pe_slot.sv"].contains($0.name)
        }
        let samples = try RTLFixtures.verilator.run(
            top: "elector_pe", sources: Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.text) }), layout: pe.layout,
            stimulus: stimulus, drain: 8)
        let results = samples.filter { pe.read($0, "res_row_valid", elementBits: 1, signed: false)[0] == 1 }.map(\.cycle)
        #expect(timing.rowGroups == x)
        for (k, tile) in issued.enumerated() {
            let mine = results.filter { $0 > tile.cycle && $0 <= tile.cycle + gap }
            // X groups of B rows, one a cycle; the last is registered at the end of the
            // tile's `run`-th cycle counted from the one with op_valid (a sample's cycle is
            // the one whose closing edge registered it).
            #expect(mine.count == x, "tile \(k)")
            #expect(mine == Array((mine.last! - x + 1)...mine.last!), "tile \(k)")
            let cycles = mine.last! - tile.cycle + 1
            #expect(cycles == tile.run, "tile \(k): \(cycles) cycles, PETiming \(tile.run)")
        }
    }
}
