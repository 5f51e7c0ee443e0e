import AcceleratorProgram
import DesignSpace
import Elector
import HardwareModules
import Testing

/// The program model on hand-made programs: its rules (in-order issue, one operation per PE,
/// barriers, shared ports) give the cycles worked out by hand from the phase lengths.
@Suite struct ProgramTimingModelTests {
    static let config = BuiltIns.accelerator(named: "acceltran-edge")!
    static let dma = DMATiming(startLatency: 8)

    func model(pes: Int = 2) -> ProgramTimingModel {
        ProgramTimingModel(config: Self.config, format: .paper, processingElements: pes, dma: Self.dma)
    }

    func program(_ code: [Instruction]) -> Program {
        Program(
            target: .init(batchTile: 1, tile: 16, integerBits: 4, fractionBits: 16, lanes: 16), instructions: code + [.end])
    }

    func matmul(pe: Int, keep: Bool = false, finish: Bool = true, source: Int = 0) -> Instruction {
        .matmul(.init(pe: pe, source: source, weights: 0, destination: 1 + pe, start: true, finish: finish, keepWeights: keep))
    }

    /// The cycle at whose end the first instruction issues: the fetch of `n` instructions
    /// (issued at the end of cycle 0, so busy from cycle 1).
    func fetch(_ n: Int) -> Int { 1 + Self.dma.cycles(words: n, store: false) }

    @Test func phaseLengthsComeFromTheCatalogue() {
        let pe = PETiming(config: Self.config, format: .paper)
        // M = 16 multipliers: 3 + log2 16 = 7 cycles; one chunk per 16-value row.
        #expect(pe.macLatency == 7 && pe.rows == 16 && pe.tileChunks() == 16 && pe.tileChunks(density: 0.1) == 16)
        // A tile read: the grant, the buffers' cycle, the zero-free unpacker (3 x 4 stages for a
        // 256-value tile), then the data.
        #expect(pe.unpackLatency == 12 && pe.packLatency == 8)
        // The tile read (2 + 12) runs beside the 16 weight columns; the tile waits for the last.
        #expect(pe.fetchCycles(weightColumns: 16) == 16 + 1 && pe.fetchCycles(weightColumns: 0) == 2 + 12)
        #expect(pe.matmulCycles(weightColumns: 16, chunks: 16, finish: true) == (16 + 1) + (2 + 1 + 16 + 7) + 1)
        #expect(pe.softmaxCycles == (2 + 12) + (2 + 16 + 1 + pe.softmaxLatency + 1) + 1)
        #expect(Self.dma.cycles(words: 4, store: false) == 2 + 8 + 4 + 1)
        #expect(Self.dma.cycles(words: 4, store: true) == 2 + 8 + 4 + 3)
    }

    /// With B = 4 the PE issues softmax and layer-norm rows four at a time to the catalogue's
    /// b = 4 modules: X issue cycles a tile, where a matmul still takes one cycle a row.
    @Test func softmaxAndLayerNormIssueBRowsACycle() throws {
        let star = BuiltIns.accelerator(named: "elector-star")!
        #expect(star.batchTile == 4 && star.spatialTile == 32)
        let pe = PETiming(config: star, format: .paper)
        // Matmul: 128 rows of two 16-value chunks each.
        #expect(pe.rows == 128 && pe.rowGroups == 32 && pe.tileChunks() == 256)
        #expect(pe.softmaxLatency == ModuleVariant.softmax(batchTile: 4, tile: 32).latency)
        #expect(pe.layerNormLatency == ModuleVariant.layerNorm(batchTile: 4, tile: 32).latency)
        #expect(pe.softmaxRunCycles == pe.front + 32 + pe.preSparsityLatency + pe.softmaxLatency + pe.postSparsityLatency)
        #expect(pe.layerNormRunCycles == pe.front + 32 + pe.preSparsityLatency + pe.layerNormLatency)
    }

    @Test func oneMatmulTakesItsPhasesAfterTheFetch() throws {
        let pe = PETiming(config: Self.config, format: .paper)
        let t = try model().run(program([matmul(pe: 0)]))
        let op = pe.matmulCycles(weightColumns: 16, chunks: 16, finish: true)
        // Fetch, the operation from the cycle after its issue, then `end` issues in the first
        // cycle the PE is idle and the packer has written the result back, and that cycle counts.
        #expect(t.busy[.mac] == op)
        #expect(t.busy[.dynaProp] == 1)
        #expect(t.busy[.dma] == Self.dma.cycles(words: 2, store: false))
        #expect(t.cycles == fetch(2) + op + 2 + pe.packLatency)
    }

    @Test func twoPEsOverlapExceptOnTheWeightPort() throws {
        let pe = PETiming(config: Self.config, format: .paper)
        let one = try model().run(program([matmul(pe: 0)]))
        let two = try model().run(program([matmul(pe: 0), matmul(pe: 1)]))
        // PE 1 issues a cycle later (and the program is a word longer) and waits 15 cycles for
        // PE 0's 16 weight columns.
        #expect(two.cycles == one.cycles + 1 + 1 + 15)
        #expect(two.busy[.mac] == 2 * pe.matmulCycles(weightColumns: 16, chunks: 16, finish: true) + 15)
        // With the weights kept, the second PE runs alongside: only the issue and the fetch differ.
        let kept = try model().run(program([matmul(pe: 0, keep: true), matmul(pe: 1, keep: true)]))
        let alone = try model().run(program([matmul(pe: 0, keep: true)]))
        #expect(kept.cycles == alone.cycles + 2)
    }

    @Test func onePEIsOneOperationAtATime() throws {
        let pe = PETiming(config: Self.config, format: .paper)
        let t = try model().run(program([matmul(pe: 0, keep: true), matmul(pe: 0, keep: true)]))
        let op = pe.matmulCycles(weightColumns: 0, chunks: 16, finish: true)
        // The second operation issues the cycle after the first's write-back and reads another
        // word: it does not wait for the packer.
        #expect(t.cycles == fetch(3) + 2 * (op + 1) + 1 + pe.packLatency)
        // Reading the first result, its read waits until that result has left the packer.
        let dependent = try model().run(program([matmul(pe: 0, keep: true), matmul(pe: 0, keep: true, source: 1)]))
        #expect(dependent.cycles == t.cycles + pe.packLatency - 1)
    }

    @Test func aBarrierSerialisesTheDMAAndThePEs() throws {
        let load = Instruction.load(.init(buffer: .activation, bufferAddress: 5, rows: 4, memoryAddress: 0, stride: 0))
        let free = try model().run(program([load, matmul(pe: 0, keep: true)]))
        let fenced = try model().run(program([load, .barrier, matmul(pe: 0, keep: true)]))
        let pe = PETiming(config: Self.config, format: .paper)
        let op = pe.matmulCycles(weightColumns: 0, chunks: 16, finish: true)
        // Without the barrier the matmul issues the cycle after the load; with it, the barrier
        // issues in the first cycle the DMA is idle and the matmul the cycle after.
        #expect(free.cycles == fetch(3) + 1 + op + 2 + pe.packLatency)
        #expect(fenced.cycles == fetch(4) + Self.dma.cycles(words: 4, store: false) + 2 + op + 2 + pe.packLatency)
    }

    @Test func theVectorUnitReadsEachOperand() throws {
        // Each read: the grant, the buffers' cycle and the unpacker, then the data.
        let v = VectorTiming(rows: 16, readLatency: PETiming(config: Self.config, format: .paper).unpackLatency)
        let add = try model().run(program([.elementwise(.init(function: .add, a: 0, b: 1, destination: 2))]))
        let relu = try model().run(program([.elementwise(.init(function: .relu, a: 0, destination: 2))]))
        #expect(add.busy[.vector] == v.cycles(operands: 2, transpose: false) && add.busy[.vector] == 2 * (2 + v.readLatency) + 16 + 1)
        #expect(relu.busy[.vector] == 2 + v.readLatency + 16 + 1)
        #expect(add.cycles - relu.cycles == 2 + v.readLatency)
    }

    @Test func aPEThatDoesNotExistIsAnError() {
        #expect(throws: ElectorError.invalidSetting(name: "instruction 0 (matmul) PE", value: "3", allowed: "0 to 1")) {
            try model().run(program([matmul(pe: 3)]))
        }
    }
}
