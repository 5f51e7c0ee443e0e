import AcceleratorProgram
import DesignSpace
import Foundation
import HardwareModules
import RTLGen
import RTLSim
import Testing

/// Programs run on the generated top in Verilator; main memory afterwards must equal the
/// Swift reference executor's, byte for byte.
@Suite(.serialized) struct ProgramRTLTests {
    static let f = RTLFixtures.format
    /// b = 1, x = 8, 8 lanes of 16 MACs, ReLU; 2 PEs.
    static let small = try! AcceleratorConfig(
        batchTile: 1, spatialTile: 8, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 16,
        softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])

    static func random(_ rows: Int, _ columns: Int, _ rng: inout SeededGenerator, scale: Double = 1) -> [[Int64]] {
        (0..<rows).map { _ in (0..<columns).map { _ in f.quantize((rng.nextUnit() * 2 - 1) * scale) } }
    }

    /// C (16 x 8) = A (16 x 16) x Wm (16 x 8): each output block sums two K tiles on one PE
    /// (block row i on PE i). Row 0's first partial sum is beyond the 20-bit range and its
    /// final sum is not: saturating per tile would give a different answer.
    @Test func matmulAccumulatesAcrossKTilesAndWritesBack() throws {
        let g = ProgramGeometry(config: Self.small, format: Self.f, processingElements: 2)
        var rng = SeededGenerator(seed: 12)
        var a = Self.random(16, 16, &rng)
        var w = Self.random(16, 8, &rng, scale: 0.5)
        for j in 0..<16 { a[0][j] = Self.f.quantize(1.9) }
        for k in 0..<8 {
            w[k][0] = Self.f.quantize(0.9)
            w[8 + k][0] = Self.f.quantize(-0.5)
        }
        var image = MemoryImageBuilder(geometry: g)
        let programAt = image.reserve(16 * ProgramGeometry.instructionBytes)
        let aAt = image.place(a)
        let wtAt = image.place((0..<8).map { c in (0..<16).map { w[$0][c] } })  // Wm transposed: one row per column
        let cAt = image.reserveMatrix(rows: 16, columns: 8)
        let blockBytes = aAt.blockBytes
        let rowBytes = g.columnBits / 8
        var program: [Instruction] = [
            .load(.init(buffer: .activation, bufferAddress: 0, rows: 4, memoryAddress: aAt.address, stride: blockBytes)),
            // Block (0, k) of Wm^T holds the 8 columns of K tile k; its rows are weight words 8k ..< 8k + 8.
            .load(.init(buffer: .weight, bufferAddress: 0, rows: 8, memoryAddress: wtAt.block(0, 0), stride: rowBytes)),
            .load(.init(buffer: .weight, bufferAddress: 8, rows: 8, memoryAddress: wtAt.block(0, 1), stride: rowBytes)),
            .barrier,
        ]
        for i in 0..<2 {
            program += [
                .matmul(.init(pe: i, source: 2 * i, weights: 0, destination: 10 + i, start: true, finish: false)),
                .matmul(.init(pe: i, source: 2 * i + 1, weights: 8, destination: 10 + i, start: false, finish: true)),
            ]
        }
        program += [
            .barrier, .store(.init(buffer: .activation, bufferAddress: 10, rows: 2, memoryAddress: cAt.address, stride: blockBytes)), .end,
        ]
        let p = Program(target: .init(g), instructions: program)
        image.write(try p.image(), at: programAt)
        let memory = image.finish()

        var reference = ProgramReference(geometry: g, memory: memory)
        try reference.run(p)
        let c = MemoryImageBuilder.read(cAt, from: reference.memory, bits: Self.f.bits)
        let firstPartial = (0..<8).reduce(Int64(0)) { $0 + (a[0][$1] * w[$1][0]) >> 16 }
        #expect(firstPartial > Self.f.maxValue)
        #expect(c[0][0] > 0 && c[0][0] < Self.f.maxValue)
        #expect(c.flatMap { $0 }.filter { $0 != 0 }.count > 100)

        let design = try RTLFixtures.generator.generate(Self.small, command: "program test", options: DesignOptions(peCount: 2))
        let outcome = try ProgramRunner(library: RTLFixtures.library).run(
            design: design, geometry: g, memory: memory, programAddress: programAt, programLength: program.count)
        #expect(outcome.done && outcome.errorCode == 0)
        #expect(outcome.memory == reference.memory)
        #expect(MemoryImageBuilder.read(cAt, from: outcome.memory, bits: Self.f.bits) == c)
        #expect(outcome.busy["mac"]! >= 4 * 8 && outcome.busy["dma"]! > 0 && outcome.cycles > outcome.busy["dma"]! / 2)
    }

    /// b = 1, x = 16, 8 lanes (two column groups per output tile), GeLU; 2 PEs.
    static let head = try! AcceleratorConfig(
        batchTile: 1, spatialTile: 16, activation: .gelu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 16,
        softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])

    /// One build of a 2-PE top runs five compiled programs: an encoder layer (attention head
    /// and feed-forward block, sequence 16), the same with DynaProp pruning, a training step
    /// with pruned gradients, a K-reduction over four tiles, and the layer with DynaProp and
    /// 80% of its weights pruned in the PEs. Each leaves main memory equal to the reference
    /// executor's.
    @Test func compiledLayersMatchTheReference() throws {
        let g = ProgramGeometry(config: Self.head, format: Self.f, processingElements: 2)
        let shape = LayerShape(sequence: 16, hidden: 16, feedForward: 64)
        let tauI = Self.f.quantize(0.05)
        let tauT = Self.f.quantize(0.02)
        let programs = [
            try LayerCompiler(geometry: g, shape: shape, seed: 3).compile(.layer),
            try LayerCompiler(geometry: g, shape: shape, seed: 3, tauInference: tauI).compile(.layer),
            try LayerCompiler(geometry: g, shape: shape, seed: 4, tauInference: tauI, tauTraining: tauT).compile(.training),
            try LayerCompiler(geometry: g, shape: shape, seed: 5).compile(.matmul),
            try LayerCompiler(geometry: g, shape: shape, seed: 3, tauInference: tauI, weightSparsity: 0.8).compile(.layer),
        ]
        var references: [ProgramReference] = []
        for p in programs {
            var r = ProgramReference(geometry: g, memory: p.memory)
            try r.run(p.program)
            references.append(r)
            for region in p.outputs {
                let m = MemoryImageBuilder.read(region.placement, from: r.memory, bits: Self.f.bits).flatMap { $0 }
                #expect(m.filter { $0 != 0 }.count > m.count / 4, "\(p.description): \(region.name) is mostly zero")
            }
        }
        // Pruning changed the layer's output, and so did pruning its weights.
        #expect(references[0].memory != references[1].memory)
        #expect(references[1].memory != references[4].memory)
        #expect(programs[4].program.instructions.contains { if case .prune(_, let w) = $0 { w > 0 } else { false } })
        let design = try RTLFixtures.generator.generate(Self.head, command: "program test", options: DesignOptions(peCount: 2))
        let outcomes = try ProgramRunner(library: RTLFixtures.library).run(
            design: design, geometry: g,
            runs: programs.map(ProgramRunner.Run.init)
        )
        for (k, o) in outcomes.enumerated() {
            #expect(o.done && o.errorCode == 0, "\(programs[k].description)")
            #expect(o.memory == references[k].memory, "\(programs[k].description): memory differs from the reference")
            for region in programs[k].outputs {
                let rtl = MemoryImageBuilder.read(region.placement, from: o.memory, bits: Self.f.bits)
                let expected = MemoryImageBuilder.read(region.placement, from: references[k].memory, bits: Self.f.bits)
                #expect(rtl == expected, "\(programs[k].description): \(region.name)")
            }
        }
        #expect(outcomes[0].busy["softmax"]! > 0 && outcomes[0].busy["layer_norm"]! > 0 && outcomes[0].busy["vector"]! > 0)
    }
}
