import ArgumentParser
import Calibration
import CostModel
import DesignSpace
import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import Toolchain

extension RTLCommand {
    /// `transcode rtl synth`: whole-design synthesis of a small configuration.
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "synth",
            abstract: "Synthesise the PE and a small top of an accelerator on NanGate45; print area, clock and leakage.",
            discussion: """
                Generates the design with --pes PEs (default 2) into --out, synthesises it \
                hierarchically with Yosys onto the NanGate45 liberty (.lib/ or \
                TRANSCODE_LIBERTY) with the calibration's ABC recipe, the SRAM buffers as black-box \
                macros (area and leakage per MB from the hardware table, access and set-up time \
                from data/memory-models.json), and times the PE and the top with OpenSTA against \
                the design's SDC. Prints logic and SRAM area, the critical path of each (start and \
                end point) and leakage. A configuration of the space (b = 1, x = 8, 8 lanes of \
                1 MAC) takes minutes of CPU; larger ones take much longer.

                Examples:
                  transcode rtl synth --index 0 --out /tmp/synth-0
                  transcode rtl synth --index 0 --pes 4 --integer-bits 2 --fraction-bits 4 --out /tmp/synth-small
                  transcode rtl synth --accelerator acceltran-edge --clock-mhz 200 --out /tmp/edge-synth
                """)

        @Option(help: "A built-in accelerator or an accelerator YAML/JSON file.") var accelerator: String?
        @Option(parsing: .unconditional, help: "Or an index into the 14,850,000-point space.") var index: Int?
        @Option(help: "Output directory (design, netlist, reports).") var out: String
        @Option(parsing: .unconditional, help: "Integer bits of the fixed-point format.") var integerBits: Int = 4
        @Option(parsing: .unconditional, help: "Fraction bits of the fixed-point format.") var fractionBits: Int = 16
        @Option(help: "Hardware table for the SRAM figures and the clock: nangate45, acceltran-14nm or a file.") var table: String?
        @Option(help: "Memory models (SRAM timing figures).") var memoryModels: String = ProjectFiles.path("data/memory-models.json")
        @OptionGroup var packaging: RTLPackagingOptions

        /// Largest PE array synthesised whole: the hierarchy maps the PE once, but the top's
        /// result network grows with the array.
        static let maximumPEs = 16

        func validate() throws {
            guard (accelerator == nil) != (index == nil) else { throw ValidationError("give exactly one of --accelerator or --index") }
            if let pes = packaging.pes, pes > Self.maximumPEs {
                throw ValidationError("--pes must be 1 to \(Self.maximumPEs) for synthesis, got \(pes)")
            }
        }

        func run() throws {
            let config = try index.map(AcceleratorSpace.config(at:)) ?? Catalog.accelerator(accelerator!)
            let source = index.map { "--index \($0)" } ?? "--accelerator \(accelerator!)"
            var command = "transcode rtl synth \(source) --out \(out)"
            if integerBits != 4 || fractionBits != 16 { command += " --integer-bits \(integerBits) --fraction-bits \(fractionBits)" }
            command += packaging.commandSuffix
            let hardwareTable = try TableCatalog.load(table)
            let options = try packaging.options(accelerator: accelerator, index: index, defaultPEs: 2, table: hardwareTable)
            let generator = RTLGenerator(
                library: try TemplateLibrary(directory: ProjectFiles.path("templates")),
                format: try FixedPointFormat(integerBits: integerBits, fractionBits: fractionBits))
            let flow = try DesignSynthesis(
                liberty: try Toolchain.liberty(projectRoot: ProjectFiles.root), table: hardwareTable, memoryModels: memoryModels)
            let report = try flow.run(config, generator: generator, options: options, command: command, directory: out)
            print(Render.designSynthesis(report, directory: out), terminator: "")
        }
    }
}
