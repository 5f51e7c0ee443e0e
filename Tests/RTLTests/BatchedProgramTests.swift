import AcceleratorProgram
import DesignSpace
import Foundation
import HardwareModules
import RTLGen
import RTLSim
import Testing

/// Programs for a batch tile B = 4: a tile holds the same block of four sequences. The
/// batched program must compute for each sequence what a B = 1 program computes for it
/// alone, and the generated top must run it as the reference executor does.
@Suite(.serialized) struct BatchedProgramTests {
    static let f = RTLFixtures.format

    /// x = 8, 8 lanes of 1 MAC (the smallest PE: a short Verilator build), ReLU, with batch tile `b`.
    static func config(batchTile b: Int) -> AcceleratorConfig {
        try! AcceleratorConfig(
            batchTile: b, spatialTile: 8, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 1,
            softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])
    }

    static let shape = LayerShape(sequence: 8, hidden: 8, feedForward: 16)

    /// Sequence e's rows of a matrix read back from a batched placement (all rows if shared).
    static func element(_ e: Int, of region: LayerProgram.Region, in memory: [UInt8]) -> [[Int64]] {
        let m = MemoryImageBuilder.read(region.placement, from: memory, bits: f.bits)
        let rows = region.placement.rows
        return region.placement.batch == 1 ? m : Array(m[(e * rows)..<((e + 1) * rows)])
    }

    /// The layer (with and without DynaProp) and the matmul program on B = 4: each sequence's
    /// outputs equal those of the B = 1 program run on that sequence's inputs with the same
    /// weights (reference executor only; attention pairs each sequence's Q with its own K and V).
    @Test(arguments: [(ProgramKind.layer, 0.0), (.layer, 0.05), (.matmul, 0.0)])
    func batchedProgramComputesEachSequenceAlone(kind: ProgramKind, tau: Double) throws {
        let g4 = ProgramGeometry(config: Self.config(batchTile: 4), format: Self.f, processingElements: 2)
        let g1 = ProgramGeometry(config: Self.config(batchTile: 1), format: Self.f, processingElements: 2)
        let t = Self.f.quantize(tau)
        let batched = try LayerCompiler(geometry: g4, shape: Self.shape, seed: 9, tauInference: t).compile(kind)
        let single = try LayerCompiler(geometry: g1, shape: Self.shape, seed: 9, tauInference: t).compile(kind)
        #expect(batched.description.hasPrefix("\(kind.rawValue): batch 4, sequence 8"))
        #expect(batched.inputs.map(\.name) == single.inputs.map(\.name))
        #expect(batched.inputs.first?.placement.batch == 4)
        var reference = ProgramReference(geometry: g4, memory: batched.memory)
        try reference.run(batched.program)
        for e in 0..<4 {
            var memory = single.memory
            for (mine, theirs) in zip(single.inputs, batched.inputs) {
                MemoryImageBuilder.write(
                    Self.element(e, of: theirs, in: batched.memory), as: mine.placement, into: &memory, bits: Self.f.bits)
            }
            var alone = ProgramReference(geometry: g1, memory: memory)
            try alone.run(single.program)
            for (mine, theirs) in zip(single.outputs, batched.outputs) {
                let expected = Self.element(0, of: mine, in: alone.memory)
                let values = Array(expected.joined())
                #expect(values.filter { $0 != 0 }.count > values.count / 4, "\(mine.name) is mostly zero")
                #expect(Self.element(e, of: theirs, in: reference.memory) == expected, "sequence \(e): \(theirs.name)")
            }
        }
    }

    /// The training step on B = 4: the weight gradient is the sum over the batch of each
    /// sequence's dO^T A (at the lanes' full precision, saturated once).
    @Test func batchedTrainingSumsTheGradientOverTheBatch() throws {
        let g = ProgramGeometry(config: Self.config(batchTile: 4), format: Self.f, processingElements: 2)
        let p = try LayerCompiler(geometry: g, shape: Self.shape, seed: 10).compile(.training)
        var reference = ProgramReference(geometry: g, memory: p.memory)
        try reference.run(p.program)
        func input(_ name: String) throws -> LayerProgram.Region { try #require(p.inputs.first { $0.name == name }) }
        let a = try input("A")
        let gradient = try input("dO^T")
        let fl = Int64(Self.f.fractionBits)
        var expected = [[Int64]](repeating: [Int64](repeating: 0, count: 8), count: 8)
        for n in 0..<8 {
            for k in 0..<8 {
                var sum: Int64 = 0
                for e in 0..<4 {
                    let at = Self.element(e, of: a, in: p.memory)
                    let dt = Self.element(e, of: gradient, in: p.memory)
                    for s in 0..<8 { sum += (dt[n][s] * at[s][k]) >> fl }
                }
                expected[n][k] = Self.f.saturate(sum)
            }
        }
        let region = try #require(p.outputs.first { $0.name == "dWo^T" })
        #expect(Self.element(0, of: region, in: reference.memory) == expected)
        #expect(expected.joined().filter { $0 != 0 }.count > 48)
    }

    /// One build of a 2-PE B = 4 top runs the layer with DynaProp and the training step; main
    /// memory afterwards equals the reference executor's.
    @Test func batchedProgramsRunOnTheGeneratedTop() throws {
        let c = Self.config(batchTile: 4)
        let g = ProgramGeometry(config: c, format: Self.f, processingElements: 2)
        let programs = [
            try LayerCompiler(geometry: g, shape: Self.shape, seed: 11, tauInference: Self.f.quantize(0.05)).compile(.layer),
            try LayerCompiler(geometry: g, shape: Self.shape, seed: 12, tauTraining: Self.f.quantize(0.02)).compile(.training),
        ]
        let design = try RTLFixtures.generator.generate(c, command: "batched program test", options: DesignOptions(peCount: 2))
        let outcomes = try ProgramRunner(library: RTLFixtures.library).run(
            design: design, geometry: g,
            runs: programs.map(ProgramRunner.Run.init)
        )
        for (p, o) in zip(programs, outcomes) {
            var reference = ProgramReference(geometry: g, memory: p.memory)
            try reference.run(p.program)
            #expect(o.done && o.errorCode == 0, "\(p.description)")
            #expect(o.memory == reference.memory, "\(p.description): memory differs from the reference")
        }
        #expect(outcomes[0].busy["softmax"]! > 0 && outcomes[0].busy["layer_norm"]! > 0)
    }
}
