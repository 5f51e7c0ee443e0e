import CostModel
import DesignSpace
import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import RTLSim
import Testing

/// The catalogue is the one list of modules: everything else must follow from it.
@Suite struct ModuleCatalogTests {
    /// A complete table holds one figure per variant some accelerator is costed with, and
    /// one per block without parameters, under the variant's RTL name.
    @Test func catalogueEnumeratesEveryKeyACompleteTableNeeds() throws {
        var expected: [String] = []
        for m in AcceleratorSpace.macsPerLane {
            for a in AcceleratorSpace.activations { expected.append("mac_lane_m\(m)_\(a.rawValue)") }
        }
        for x in AcceleratorSpace.spatialTiles {
            expected += ["pre_sparsity_n\(x)", "post_sparsity_n\(x)"]
            for b in AcceleratorSpace.batchTiles { expected += ["softmax_b\(b)_x\(x)", "layer_norm_b\(b)_x\(x)", "dynaprop_b\(b)_x\(x)"] }
        }
        // AccelTran's one FIFO figure, and the RTL's tile FIFO of each (b, x) with 20-bit words.
        expected += ["fifo_w320_d2", "fifo_w1284_d2", "fifo_w5124_d2", "fifo_w20484_d2", "fifo_w81924_d2", "dataflow", "dma"]
        expected += ["pe_glue", "controller", "arbiter"]
        #expect(ModuleCatalog.moduleKeys.sorted() == expected.sorted())
        #expect(Set(ModuleCatalog.moduleKeys).count == ModuleCatalog.moduleKeys.count)
        #expect(ModuleCatalog.bufferKeys == ["activation", "weight", "mask"])
        // Every accelerator's figures resolve to catalogue keys.
        for choice in ModuleChoice.all {
            for entry in ModuleCatalog.moduleEntries {
                #expect(ModuleCatalog.moduleKeys.contains(entry.tableKey(for: choice)))
                #expect(ModuleCatalog.moduleKeys.contains(entry.tableKey(for: choice, rtl: true)))
            }
        }
        // Both checked-in tables hold exactly these keys.
        for name in ["nangate45", "acceltran-14nm"] {
            let table = try HardwareTable.load(path: ProjectFiles.path("synth/\(name).json"))
            #expect(Set(table.modules.keys) == Set(ModuleCatalog.moduleKeys), "\(name)")
            #expect(Set(table.buffers.keys) == Set(ModuleCatalog.bufferKeys), "\(name)")
        }
    }

    /// Every entry is described: one kind each, a summary, and parameters with type, range
    /// and description; synthesised entries have a template, the others are marked as such.
    @Test func everyEntryIsDescribed() {
        #expect(
            ModuleCatalog.entries.map(\.kind).sorted { $0.rawValue < $1.rawValue }
                == ModuleKind.allCases.sorted { $0.rawValue < $1.rawValue })
        for entry in ModuleCatalog.entries {
            #expect(!entry.summary.isEmpty)
            for p in entry.parameters { #expect(!p.range.isEmpty && !p.description.isEmpty, "\(entry.kind) \(p.name)") }
            if entry.placement == nil {
                // A system block: RTL, tested on its examples, not in the cost model.
                #expect(entry.template == entry.kind.rawValue && !entry.parameters.isEmpty && !entry.examples.isEmpty, "\(entry.kind)")
                #expect(entry.tableVariants.isEmpty && entry.tableKeys.isEmpty && entry.timingPoints.isEmpty, "\(entry.kind)")
                #expect(entry.examples.allSatisfy { $0.kind == entry.kind && $0.moduleName.hasPrefix(entry.kind.rawValue + "_") })
                #expect(!ModuleCatalog.moduleEntries.contains { $0.kind == entry.kind })
            } else if entry.isSynthesised {
                #expect(entry.template == entry.kind.rawValue)
                #expect(!entry.parameters.isEmpty && !entry.tableVariants.isEmpty && !entry.timingPoints.isEmpty, "\(entry.kind)")
                #expect(entry.tableVariants.allSatisfy { $0.kind == entry.kind && $0.moduleName.hasPrefix(entry.kind.rawValue + "_") })
            } else {
                #expect(entry.parameters.isEmpty && entry.tableVariants.isEmpty && entry.family == nil, "\(entry.kind)")
                #expect(entry.tableKeys == [entry.kind.rawValue])
            }
        }
    }

    /// Every synthesised entry renders its template at every point the table and the timing
    /// table use, under its canonical name, with the ports its catalogue entry lists.
    @Test func everyEntryRendersItsTemplate() throws {
        let generator = RTLGenerator(library: try TemplateLibrary(directory: ProjectFiles.path("templates")))
        for entry in ModuleCatalog.entries where entry.isSynthesised {
            for variant in entry.tableVariants + entry.timingPoints + entry.examples {
                let text = try generator.generate(variant, command: "catalogue test")
                #expect(text.contains("module \(variant.moduleName)"), "\(variant.moduleName)")
                for port in variant.ports(format: generator.format) {
                    #expect(text.contains(port.name), "\(variant.moduleName) lacks port \(port.name)")
                }
                let harness = ModuleHarness(variant: variant, format: generator.format)
                #expect(harness.layout.inputs.count + harness.layout.outputs.count == variant.ports(format: generator.format).count)
            }
        }
    }

    /// The simulator's MAC-path fill is the sum of its modules' latencies.
    @Test func macPathLatencyAddsTheModulesOnThePath() {
        let choice = ModuleChoice(macsPerLane: 16, activation: .gelu, spatialTile: 8, batchTile: 1)
        #expect(ModuleCatalog.macPathLatency(choice) == 1 + 1 + 1 + 7 + 1 + 1)
        #expect(ModuleChoice.all.count == 24)
        for (i, choice) in ModuleChoice.all.enumerated() {
            let config = try! AcceleratorConfig(
                batchTile: choice.batchTile, spatialTile: choice.spatialTile, activation: choice.activation, processingElements: 64,
                macLanesPerPE: 8, macsPerLane: choice.macsPerLane, softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4,
                weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])
            #expect(ModuleChoice.position(of: config) == i)
            #expect(ModuleChoice(config) == choice)
        }
    }

    @Test func invalidFormatsAreRejected() {
        #expect(throws: HardwareModulesError.invalidFormat("integer bits must be 1 to 16, got 0")) {
            try FixedPointFormat(integerBits: 0, fractionBits: 16)
        }
        #expect(HardwareModulesError.invalidFormat("x").description == "invalid fixed-point format: x")
    }
}
