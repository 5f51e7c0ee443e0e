import ArgumentParser
import Calibration
import CostModel
import DesignSpace
import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import Toolchain

/// `transcode benchmark rtl-synth`: whole-design synthesis time and area for 2 and 4 PEs.
struct DesignSynthesisBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rtl-synth", abstract: "Whole-design synthesis time and area of an accelerator for several PE counts.",
        discussion: """
            Runs 'transcode rtl synth' once per PE count (default 2 and 4) and prints Yosys's wall \
            time, the logic and SRAM area and the critical path of each. Index 0 with the paper's \
            20-bit words takes several minutes per run on 2 cores.

            Examples:
              transcode benchmark rtl-synth
              transcode benchmark rtl-synth --index 0 --pes 2,4 --integer-bits 1 --fraction-bits 4
            """)
    @Option(parsing: .unconditional, help: "Index of the accelerator in the space.") var index: Int = 0
    @Option(help: "Comma-separated PE counts.") var pes: String = "2,4"
    @Option(parsing: .unconditional, help: "Integer bits of the fixed-point format.") var integerBits: Int = 4
    @Option(parsing: .unconditional, help: "Fraction bits of the fixed-point format.") var fractionBits: Int = 16
    @Option(help: "Scratch directory (one folder per PE count).") var out: String = "runs/benchmark-rtl-synth"

    func run() throws {
        let counts = try ArgumentParsing.peCounts(pes)
        if let bad = counts.first(where: { $0 > RTLCommand.Synth.maximumPEs }) {
            throw ValidationError("--pes must be 1 to \(RTLCommand.Synth.maximumPEs) for synthesis, got \(bad)")
        }
        let table = try TableCatalog.load(nil)
        let flow = try DesignSynthesis(
            liberty: try Toolchain.liberty(projectRoot: ProjectFiles.root), table: table,
            memoryModels: ProjectFiles.path("data/memory-models.json"))
        let generator = RTLGenerator(
            library: try TemplateLibrary(directory: ProjectFiles.path("templates")),
            format: try FixedPointFormat(integerBits: integerBits, fractionBits: fractionBits))
        print(
            Render.pad("PEs", 5) + Render.pad("yosys s", 9) + Render.pad("PE logic um^2", 15) + Render.pad("top logic um^2", 16)
                + Render.pad("cells", 9) + Render.pad("SRAM mm^2", 11) + "critical path ns")
        for count in counts {
            let options = DesignOptions(naming: .derived(name: nil, index: index), peCount: count, clockMHz: table.clockMHz)
            let r = try flow.run(
                AcceleratorSpace.config(at: index), generator: generator, options: options,
                command: "transcode benchmark rtl-synth --index \(index) --pes \(count)", directory: "\(out)/pes-\(count)")
            print(
                Render.pad("\(count)", 5) + Render.pad(String(format: "%.1f", r.synthesisSeconds), 9)
                    + Render.pad(String(format: "%.0f", r.peLogicAreaUM2), 15) + Render.pad(String(format: "%.0f", r.topLogicAreaUM2), 16)
                    + Render.pad("\(r.topCells)", 9) + Render.pad(String(format: "%.3f", r.sramAreaUM2 / 1e6), 11)
                    + String(format: "%.3f", r.topTiming.criticalPathNS))
        }
    }
}
