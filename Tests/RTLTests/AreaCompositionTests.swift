import CostModel
import DesignSpace
import Elector
import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import TestSupport
import Testing
import Toolchain

/// The default area composition charges exactly the instances the generated RTL has.
@Suite struct AreaCompositionTests {
    /// Yosys's per-module instance counts of an elaborated design (`stat` after
    /// `hierarchy`): [module: [submodule: count]].
    func elaboratedInstances(_ design: GeneratedDesign, in dir: TemporaryDirectory) throws -> [String: [String: Int]] {
        try design.write(to: dir.path)
        let pkg = design.packaging
        let logic = pkg.sources.filter { $0 != "\(pkg.sram).sv" }
        let script =
            "read_verilog -sv -lib \(pkg.sram).sv; read_verilog -sv \(logic.joined(separator: " ")); hierarchy -check -top \(design.top); tee -q -o hierarchy.txt stat -top \(design.top)"
        let r = try Toolchain.run(try Toolchain.require(.yosys), ["-q", "-p", script], directory: dir.path)
        #expect(r.status == 0, "\(r.error.prefix(300))")
        let text = try String(contentsOfFile: "\(dir.path)/hierarchy.txt", encoding: .utf8)
        var counts: [String: [String: Int]] = [:]
        for section in text.split(separator: "=== ").dropFirst() where !section.hasPrefix("design hierarchy") {
            let name = String(section.prefix { $0 != " " })
            for m in section.matches(of: /\n\s+(\S+)\s+(\d+)(?=\n)/) where m.1.hasPrefix(pkg.naming.prefix + "_") {
                counts[name, default: [:]][String(m.1)] = Int(m.2)
            }
        }
        return counts
    }

    /// Index 0 (b = 1, x = 8, 8 lanes of 1 MAC, 2 softmax units) and a b = 4 point with 16
    /// lanes of 16 MACs and 4 softmax units, each elaborated with its DMA engine and CSR:
    /// every leaf module the PE instantiates is a catalogue entry of the default composition,
    /// as many times per PE as the composition counts, with the RTL variant the table is
    /// keyed by; the rest of the hierarchy is the PE's glue, the controller's blocks and the
    /// buffers.
    @Test(arguments: [0, 1])
    func theCompositionCountsTheElaboratedInstances(point: Int) throws {
        let dir = try TemporaryDirectory("transcode-area-composition")
        let c =
            point == 0
            ? try AcceleratorSpace.config(at: 0)
            : try AcceleratorConfig(
                batchTile: 4, spatialTile: 8, activation: .gelu, processingElements: 64, macLanesPerPE: 16, macsPerLane: 16,
                softmaxPerPE: 4, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])
        let f = FixedPointFormat.paper
        let generator = RTLGenerator(library: try TemplateLibrary(directory: ProjectFiles.path("templates")), format: f)
        let naming = DesignNaming.derived(name: nil, index: 7)
        let design = try generator.generate(
            c, command: "test", options: DesignOptions(naming: naming, peCount: 2),
            system: RTLGenerator.systemInterface(for: c, format: f))
        let counts = try elaboratedInstances(design, in: dir)
        let pe = try #require(counts[naming.module("pe")])
        var expected: [String: Int] = [:]
        for (_, instances, entries) in ModuleCatalog.areaComposition(acceltran: false) where instances != .perMegabyte {
            for e in entries where e.isSynthesised {
                let perPE = ModuleCatalog.count(instances, c, format: f) / Double(c.processingElements)
                expected[naming.module(try #require(e.rtlVariant(for: ModuleChoice(c), format: f)).moduleName)] = Int(perPE)
            }
        }
        #expect(pe == expected)
        #expect(expected[naming.module(ModuleVariant.preSparsity(width: 8).moduleName)] == 2 * c.macLanesPerPE + c.batchTile)
        #expect(expected[naming.module(ModuleVariant.postSparsity(width: 8).moduleName)] == c.batchTile)
        // The PE's softmax and layer-norm are the b-row variants of the design's b and x.
        #expect(expected[naming.module(ModuleVariant.softmax(batchTile: c.batchTile, tile: 8).moduleName)] == c.softmaxPerPE)
        #expect(expected[naming.module(ModuleVariant.layerNorm(batchTile: c.batchTile, tile: 8).moduleName)] == 1)
        // The slot holds one PE; the top two slots, the three buffers and the zero-free packer
        // and unpacker; the system the top, the DMA engine and the CSR (the controller's blocks).
        #expect(counts[naming.module("pe_slot")] == [naming.module("pe"): 1])
        let zeroFree = ModuleCatalog.zeroFreeVariants(ModuleChoice(c))
        #expect(
            counts[naming.module("top")]
                == [
                    naming.module("pe_slot"): 2, naming.module("sram"): 3, naming.module(zeroFree.packer.moduleName): 1,
                    naming.module(zeroFree.unpacker.moduleName): 1,
                ])
        let system = RTLGenerator.systemVariants(for: c, format: f, RTLGenerator.systemInterface(for: c, format: f))
        #expect(
            counts[naming.module("system")]
                == [naming.module("top"): 1, naming.module(system[0].moduleName): 1, naming.module(system[1].moduleName): 1])
    }

    /// Kinds the RTL does not have (AccelTran's per-PE dataflow and DMA figures) are charged
    /// nothing by the default composition, whatever the table says of them; AccelTran's
    /// composition still charges them.
    @Test func nothingIsChargedForKindsTheRTLLacks() throws {
        let absent = ModuleCatalog.entries.filter { $0.placement != nil && $0.placement?.rtl == nil }.map(\.kind)
        #expect(absent == [.dataflow, .dma])
        let edge = try Catalog.accelerator("acceltran-edge")
        for name in ["nangate45", "acceltran-14nm"] {
            var table = try TableCatalog.load(name)
            let before = HardwareInstance(config: edge, table: table)
            let acceltranBefore = HardwareInstance(config: edge, table: table, acceltranComposition: true)
            for kind in absent { table.modules[kind.rawValue] = ModuleCost(areaUM2: 1e12, dynamicMW: 0, leakageMW: 1e9) }
            let after = HardwareInstance(config: edge, table: table)
            #expect(after.areaMM2.total == before.areaMM2.total && after.leakageMW.total == before.leakageMW.total, "\(name)")
            let acceltranAfter = HardwareInstance(config: edge, table: table, acceltranComposition: true)
            #expect(acceltranAfter.areaMM2.total > acceltranBefore.areaMM2.total + 1e5, "\(name)")
        }
    }
}
