import DesignSpace
import Foundation
import HardwareModules
import RTLGen
import RTLSim
import Testing

@Suite(.serialized) struct DataPathRTLTests {
    let f = RTLFixtures.format

    func simulate(
        _ variant: ModuleVariant, _ harness: ModuleHarness, _ stimulus: [BitVector],
        engine: RTLSimulator = RTLFixtures.verilator
    ) throws -> [RTLSimulator.Sample] {
        // Idle cycles after the stimulus: enough for the deepest pipeline to drain.
        try engine.run(
            top: variant.moduleName, sources: try RTLFixtures.source(variant), layout: harness.layout, stimulus: stimulus,
            drain: max(16, variant.latency(format: f) + 1))
    }

    @Test(arguments: [(1, 8), (4, 8), (1, 16)])
    func dynaPropPrunesLikeTheReference(batchTile: Int, tile: Int) throws {
        let variant = ModuleVariant.dynaProp(batchTile: batchTile, tile: tile)
        let h = ModuleHarness(variant: variant, format: f)
        var rng = SeededGenerator(seed: UInt64(batchTile * 100 + tile))
        let taus: [Int64] = [0, f.quantize(0.25), f.quantize(0.5), f.maxValue]
        var stimulus = taus.enumerated().map { i, tau in h.vector(["tbl_we": [1], "tbl_addr": [Int64(i)], "tbl_data": [tau]]) }
        var expected: [(values: [Int64], mask: [Bool])] = []
        var inputCycles: [Int] = []
        let n = batchTile * tile * tile
        for (i, tau) in taus.enumerated() {
            stimulus.append(h.vector(["tau_load": [1], "rho_sel": [Int64(i)]]))
            for t in 0..<6 {
                // Tiles: random, all zero, and values exactly at the threshold and one below it.
                var values = (0..<n).map { _ in RTLFixtures.word(&rng, scale: 1) }
                if t == 1 { values = [Int64](repeating: 0, count: n) }
                if t == 2 { values = (0..<n).map { $0 % 2 == 0 ? tau : -tau } }
                if t == 3 { values = (0..<n).map { $0 % 2 == 0 ? max(tau - 1, 0) : -max(tau - 1, 0) } }
                let transpose = t % 2 == 1
                inputCycles.append(stimulus.count)
                stimulus.append(h.vector(["in_valid": [1], "in_transpose": [transpose ? 1 : 0], "in_tile": values]))
                expected.append(
                    DynaPropReference.prune(
                        values, batch: batchTile, rows: tile, columns: tile,
                        transpose: transpose, tau: tau, format: f))
            }
        }
        let samples = try simulate(variant, h, stimulus)
        #expect(samples.count == expected.count)
        for (s, e) in zip(samples, expected) {
            #expect(h.read(s, "out_tile") == e.values)
            #expect(h.read(s, "out_mask", signed: false).map { $0 == 1 } == e.mask)
        }
        #expect(Set(zip(samples, inputCycles).map { $0.cycle - $1 + 1 }) == [1])
        // The largest threshold prunes every value but the most negative one.
        #expect(expected.suffix(6).allSatisfy { $0.mask.filter { !$0 }.count <= n })
    }

    @Test(arguments: [8, 16, 32])
    func sparsityModulesPackAndUnpack(width: Int) throws {
        let pre = ModuleVariant.preSparsity(width: width)
        let post = ModuleVariant.postSparsity(width: width)
        let hp = ModuleHarness(variant: pre, format: f)
        let hq = ModuleHarness(variant: post, format: f)
        var rng = SeededGenerator(seed: UInt64(width))
        var rows: [[Int64]] = []
        var masks: [[Bool]] = []
        for k in 0..<40 {
            rows.append((0..<width).map { _ in RTLFixtures.word(&rng) })
            switch k {
            case 0: masks.append([Bool](repeating: true, count: width))  // all pruned
            case 1: masks.append([Bool](repeating: false, count: width))  // none pruned
            default: masks.append((0..<width).map { _ in rng.next() % 3 == 0 })
            }
        }
        let preSamples = try simulate(
            pre, hp, zip(rows, masks).map { hp.vector(["in_valid": [1], "in_row": $0, "in_mask": $1.map { $0 ? 1 : 0 }]) })
        let packed = zip(rows, masks).map { SparsityReference.pack($0, mask: $1) }
        #expect(preSamples.map { hp.read($0, "out_packed") } == packed.map(\.packed))
        #expect(preSamples.map { Int(hp.read($0, "out_count", signed: false)[0]) } == packed.map(\.count))
        #expect(preSamples.enumerated().allSatisfy { $0.element.cycle == $0.offset })  // latency 1, one row a cycle

        let postSamples = try simulate(
            post, hq, zip(packed, masks).map { hq.vector(["in_valid": [1], "in_packed": $0.packed, "in_mask": $1.map { $0 ? 1 : 0 }]) })
        let restored = zip(rows, masks).map { row, mask in row.indices.map { mask[$0] ? Int64(0) : row[$0] } }
        #expect(postSamples.map { hq.read($0, "out_row") } == restored)
        #expect(postSamples.enumerated().allSatisfy { $0.element.cycle == $0.offset })
    }

    @Test(arguments: [(1, 8), (4, 8), (1, 16), (1, 32)])
    func softmaxMatchesTheReferenceAndIsAccurate(batchTile: Int, tile: Int) throws {
        let variant = ModuleVariant.softmax(batchTile: batchTile, tile: tile)
        let h = ModuleHarness(variant: variant, format: f)
        var rng = SeededGenerator(seed: UInt64(batchTile * 1000 + tile))
        var stimulus: [BitVector] = []
        var expected: [[Int64]] = []
        var worst = 0.0
        for k in 0..<24 {
            var x: [Int64] = []
            var keep: [Bool] = []
            var out: [Int64] = []
            for _ in 0..<batchTile {
                let row = (0..<tile).map { _ in f.quantize((rng.nextUnit() * 2 - 1) * 4) }
                let kept = (0..<tile).map { j in k == 0 ? true : (k == 1 ? j == 0 : rng.next() % 4 != 0) }
                let y = SoftmaxReference.row(row, keep: kept, format: f)
                // Against the exact softmax over the kept entries.
                let exps = row.indices.map { kept[$0] ? Foundation.exp(f.real(row[$0])) : 0 }
                let total = exps.reduce(0, +)
                for j in row.indices where total > 0 { worst = max(worst, abs(f.real(y[j]) - exps[j] / total)) }
                x += row
                keep += kept
                out += y
            }
            stimulus.append(h.vector(["in_valid": [1], "in_rows": x, "in_keep": keep.map { $0 ? 1 : 0 }]))
            expected.append(out)
        }
        let samples = try simulate(variant, h, stimulus)
        #expect(samples.map { h.read($0, "out_rows") } == expected)
        // The catalogue's latency, II 1.
        #expect(samples.enumerated().allSatisfy { $0.element.cycle == $0.offset + variant.latency(format: f) - 1 })
        #expect(worst < 0.01, "largest error against exact softmax: \(worst)")
    }

    @Test(arguments: [(1, 8), (4, 8), (1, 16)])
    func layerNormMatchesTheReferenceAndIsAccurate(batchTile: Int, tile: Int) throws {
        let variant = ModuleVariant.layerNorm(batchTile: batchTile, tile: tile)
        let h = ModuleHarness(variant: variant, format: f)
        var rng = SeededGenerator(seed: UInt64(batchTile * 77 + tile))
        let gamma = (0..<tile).map { _ in f.quantize(0.5 + rng.nextUnit()) }
        let beta = (0..<tile).map { _ in f.quantize(rng.nextUnit() - 0.5) }
        var stimulus: [BitVector] = []
        var expected: [[Int64]] = []
        var worst = 0.0
        for k in 0..<24 {
            var x: [Int64] = []
            var out: [Int64] = []
            for _ in 0..<batchTile {
                let row = (0..<tile).map { _ in k == 0 ? f.quantize(1.5) : f.quantize((rng.nextUnit() * 2 - 1) * 3) }
                let y = LayerNormReference.row(row, gamma: gamma, beta: beta, format: f)
                let real = row.map(f.real)
                let mean = real.reduce(0, +) / Double(tile)
                let variance = real.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(tile)
                for j in 0..<tile {
                    let exact = (real[j] - mean) / (variance + 1e-5).squareRoot() * f.real(gamma[j]) + f.real(beta[j])
                    if variance > 0.01 { worst = max(worst, abs(exact - f.real(y[j]))) }
                }
                x += row
                out += y
            }
            stimulus.append(h.vector(["in_valid": [1], "in_rows": x, "in_gamma": gamma, "in_beta": beta]))
            expected.append(out)
        }
        // gamma and beta stay applied while the last rows drain (the module's contract).
        stimulus += Array(repeating: h.vector(["in_gamma": gamma, "in_beta": beta]), count: variant.latency(format: f))
        let samples = try simulate(variant, h, stimulus)
        let got = samples.map { h.read($0, "out_rows") }
        if let k = got.indices.first(where: { $0 < expected.count && got[$0] != expected[$0] }) {
            Issue.record("row set \(k): RTL \(got[k]) reference \(expected[k])")
        }
        #expect(got.count == expected.count)
        // The catalogue's latency, II 1.
        #expect(samples.enumerated().allSatisfy { $0.element.cycle == $0.offset + variant.latency(format: f) - 1 })
        #expect(worst < 0.01, "largest error against exact layer-norm: \(worst)")
    }

    @Test func fifoKeepsOrderAndHasLatencyOne() throws {
        let variant = ModuleVariant.fifo(width: 24, depth: 4)
        let h = ModuleHarness(variant: variant, format: f)
        // Push 0...9 every cycle while popping every other cycle, then drain.
        var stimulus: [BitVector] = []
        for k in 0..<24 {
            stimulus.append(
                h.vector(["in_valid": [k < 10 ? 1 : 0], "in_data": [Int64(k + 1)], "out_ready": [k % 2 == 1 || k >= 10 ? 1 : 0]]))
        }
        let samples = try simulate(variant, h, stimulus, engine: RTLFixtures.iverilog)
        // The head of the FIFO, cycle by cycle, walks through the pushed values in order.
        var heads: [Int64] = []
        for s in samples where s.cycle < 24 {
            let v = h.read(s, "out_data", signed: false)[0]
            if heads.last != v { heads.append(v) }
        }
        #expect(Array(heads.prefix(4)) == [1, 2, 3, 4])
        #expect(samples.first?.cycle == 0)  // pushed in cycle 0, visible after its edge
        // Depth 4: of the ten pushes, the ones that found the FIFO full were dropped, and in_ready said so.
        #expect(samples.contains { h.read($0, "in_ready", signed: false)[0] == 0 })
    }
}
