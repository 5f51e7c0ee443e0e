import AcceleratorProgram
import DesignSpace
import HardwareModules
import Testing

/// The compiler's programs pass validation (fit, PEs, reductions, barriers) on small designs.
struct LayerCompilerTests {
    @Test(arguments: ProgramKind.allCases)
    func compiledProgramsValidate(kind: ProgramKind) throws {
        let c = try AcceleratorConfig(
            batchTile: 1, spatialTile: 16, activation: .gelu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 16,
            softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])
        let g = ProgramGeometry(config: c, format: .paper, processingElements: 2)
        let p = try LayerCompiler(
            geometry: g, shape: LayerShape(sequence: 16, hidden: 16, feedForward: 64), tauInference: 3000, tauTraining: 1000
        ).compile(kind)
        #expect(p.program.instructions.count <= ProgramGeometry.instructionQueueDepth)
        #expect(
            p.program.instructions.contains { if case .matmul(let m) = $0 { return !m.finish } else { return false } }
                == (kind != .training))
        #expect(try Program(file: try p.program.file()) == p.program)
    }
}
