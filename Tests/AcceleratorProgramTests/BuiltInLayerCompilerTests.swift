import AcceleratorProgram
import DesignSpace
import HardwareModules
import Testing

/// Every program kind compiles for the built-in accelerators (ELECTOR* has b = 4, X = 32) on
/// 2 PEs, within the instruction queue, with DynaProp on.
struct BuiltInLayerCompilerTests {
    @Test(arguments: BuiltIns.acceleratorNames)
    func everyKindCompilesForTheBuiltIns(accelerator: String) throws {
        let c = try #require(BuiltIns.accelerator(named: accelerator))
        let g = ProgramGeometry(config: c, format: .paper, processingElements: 2)
        let model = try #require(BuiltIns.model(named: "bert-tiny"))
        for kind in ProgramKind.allCases {
            let p = try LayerCompiler(
                geometry: g, shape: LayerShape(scaling: model, tile: c.spatialTile), tauInference: 3000, tauTraining: 1000
            ).compile(kind)
            #expect(p.program.instructions.count <= ProgramGeometry.instructionQueueDepth)
            #expect(p.description.hasPrefix(c.batchTile > 1 ? "\(kind.rawValue): batch 4, sequence 32" : "\(kind.rawValue): sequence 16"))
            #expect(p.inputs.first?.placement.batch == c.batchTile)
        }
    }
}
