import AcceleratorProgram
import DesignSpace
import Foundation
import HardwareModules
import RTLGen
import RTLSim
import Testing

/// Layer programs on the whole generated system in Verilator: the controller's top, the DMA
/// engine as AXI4 master toward the AXI memory model, and the CSR block through which the
/// testbench (the host) starts the program and reads the counters. Main memory afterwards
/// must equal the reference executor's, and the counters read over AXI4-Lite must equal what
/// the testbench observed on the system's nets.
@Suite(.serialized) struct SystemRTLTests {
    static let f = RTLFixtures.format

    /// One build of a 2-PE system (tile 16 x 16, 8 lanes, GeLU: ProgramRTLTests' `head`) on a
    /// 512-bit bus to LPDDR3 at 500 MHz: 17 cycles of latency and less than one beat a cycle,
    /// so the memory model's rate limit is in play. It runs an encoder layer with DynaProp
    /// pruning (sequence 16) and a K-reduction matmul.
    @Test func layerProgramsThroughAXIMatchTheReference() throws {
        let config = ProgramRTLTests.head
        let g = ProgramGeometry(config: config, format: Self.f, processingElements: 2)
        let shape = LayerShape(sequence: 16, hidden: 16, feedForward: 64)
        let programs = [
            try LayerCompiler(geometry: g, shape: shape, seed: 3, tauInference: Self.f.quantize(0.05)).compile(.layer),
            try LayerCompiler(geometry: g, shape: shape, seed: 5).compile(.matmul),
        ]
        let path = MainMemoryPath.axi(to: MainMemory.all[8], clockMHz: 500, dataBits: 512)
        guard case .axi(let key, _, let timing, let bits) = path else { preconditionFailure("not an AXI path") }
        #expect(key == "dram_32_2_1" && timing.readLatency == 17 && !timing.busLimited)

        let design = try RTLFixtures.generator.generate(
            config, command: "system test", options: DesignOptions(peCount: 2),
            system: RTLGenerator.systemInterface(for: config, format: Self.f, axiDataBits: bits))
        let outcomes = try SystemRunner(library: RTLFixtures.library, memory: timing).run(
            design: design, dataBits: bits,
            runs: programs.map(ProgramRunner.Run.init)
        )
        for (k, o) in outcomes.enumerated() {
            let name = programs[k].description
            var reference = ProgramReference(geometry: g, memory: programs[k].memory)
            try reference.run(programs[k].program)
            let (done, code, busError, violation) = (o.program.done, o.program.errorCode, o.busError, o.violation)
            #expect(done && code == 0, "\(name): done \(done), error code \(code)")
            #expect(!busError && !violation, "\(name): AXI4-Lite error \(busError), AXI4 rule broken \(violation)")
            let memoryMatches = o.program.memory == reference.memory
            #expect(memoryMatches, "\(name): main memory differs from the reference")
            for region in programs[k].outputs {
                let rtl = MemoryImageBuilder.read(region.placement, from: o.program.memory, bits: Self.f.bits)
                let expected = MemoryImageBuilder.read(region.placement, from: reference.memory, bits: Self.f.bits)
                #expect(rtl == expected, "\(name): \(region.name)")
            }
            // The counters the host read through the CSRs are the ones the testbench saw.
            #expect(o.counterMismatches.isEmpty, "\(name): \(o.counterMismatches)")
            #expect(o.observed["tb_cycles"] == o.program.cycles && o.program.cycles > 0)
            #expect(o.hostCycles >= o.program.cycles)
            // Every program word and every loaded tile crossed the bus: at least the fetch's
            // beats (one buffer word per instruction).
            #expect(o.readBeats >= programs[k].program.instructions.count * g.dmaWordBits / bits)
            #expect(o.writeBeats > 0 && o.program.busy["mac"]! > 0 && o.program.busy["dma"]! > 0)
        }
        #expect(outcomes[0].program.busy["softmax"]! > 0 && outcomes[0].program.busy["layer_norm"]! > 0)
    }
}
