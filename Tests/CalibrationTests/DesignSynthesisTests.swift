import Calibration
import CostModel
import DesignSpace
import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import TestSupport
import Testing
import Toolchain

/// Whole-design synthesis with SRAM macros, on the smallest configuration of the space.
@Suite struct DesignSynthesisTests {
    /// Index 0 (b = 1, x = 8, 8 lanes of 1 MAC, 2 softmax units) with 2 PEs. The words are
    /// reduced to 5 bits (1.4 fixed point) so that the run takes about a minute and a half of
    /// CPU; the paper's 20-bit words take several minutes, too long for a test.
    @Test func theSmallestDesignSynthesisesWithSRAMMacrosAndIsTimed() throws {
        let directory = try TemporaryDirectory("transcode-design-synth")
        let table = try TableCatalog.load("nangate45")
        let flow = try DesignSynthesis(
            liberty: try Toolchain.liberty(projectRoot: ProjectFiles.root), table: table,
            memoryModels: ProjectFiles.path("data/memory-models.json"))
        let generator = RTLGenerator(
            library: try TemplateLibrary(directory: ProjectFiles.path("templates")),
            format: try FixedPointFormat(integerBits: 1, fractionBits: 4))
        let options = DesignOptions(naming: .derived(name: nil, index: 0), peCount: 2, clockMHz: table.clockMHz)
        let r = try flow.run(
            AcceleratorSpace.config(at: 0), generator: generator, options: options, command: "test", directory: directory.path)

        #expect(r.top == "e0_top" && r.pe == "e0_pe" && r.peCount == 2)
        // Two PEs and the top's own logic: more than twice one PE.
        #expect(r.peLogicAreaUM2 > 10_000 && r.topLogicAreaUM2 > 2 * r.peLogicAreaUM2)
        // The three buffers, each a macro whose area and leakage are the table's per-MB figures.
        #expect(Set(r.macros.map(\.macro.kind)) == ["activation", "weight", "mask"])
        for (m, count) in r.macros {
            #expect(count == 1)
            let cost = table.buffers[m.kind]!
            #expect(abs(m.areaUM2 - cost.areaUM2PerMB * m.megabytes) < 1e-6 * m.areaUM2)
            #expect(abs(m.leakageMW - cost.leakageMWPerMB * m.megabytes) < 1e-6 * m.leakageMW)
        }
        let activation = r.macros.first { $0.macro.kind == "activation" }!.macro
        // Index 0's 4 MB activation buffer, one 8 x 8 tile of 5-bit words a row.
        #expect(activation.width == 8 * 8 * 5 && abs(activation.megabytes - 4) < 0.001)
        // Timed against the SDC (the table's clock), with a path out of an SRAM through its
        // clock-to-output arc.
        let period = 1000 / table.clockMHz
        #expect(abs(r.topTiming.periodNS - period) < 0.001 && abs(r.peTiming.periodNS - period) < 0.001)
        #expect(r.topTiming.criticalPathNS > 1 && r.peTiming.criticalPathNS > 1)
        let read = try #require(r.sramReadTiming)
        #expect(read.startpoint.hasPrefix("u_") && read.startpoint.hasSuffix("_buffer"))
        #expect(read.criticalPathNS > flow.model.clockToQNS)
        #expect(r.logicLeakageMW > 0 && r.sramLeakageMW > 1000)
        let liberty = try String(contentsOfFile: "\(directory.path)/e0_sram_macros.lib", encoding: .utf8)
        #expect(liberty.contains("timing_type : setup_rising") && liberty.contains("timing_type : rising_edge"))
    }
}
