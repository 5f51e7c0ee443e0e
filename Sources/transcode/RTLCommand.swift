import ArgumentParser
import CostModel
import DesignSpace
import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import RTLSim
import Toolchain

/// `transcode rtl`: SystemVerilog for an accelerator.
struct RTLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rtl", abstract: "Generate the SystemVerilog of an accelerator (all modules, PE, top), a file list and a manifest.",
        discussion: """
            Accelerators: a built-in name (acceltran-edge, acceltran-server, elector-star), an \
            AccelTran-style YAML or JSON file ('transcode show acceltran-edge --format yaml' prints \
            one), or --index N, a position 0 to 14,849,999 in the accelerator space. The output \
            directory receives one SystemVerilog file per module, the processing element and the \
            top, all named PREFIX_<module> (PREFIX from the accelerator's name, e<index> for \
            --index, or --prefix), so that two designs compile together; then PREFIX.f (file \
            list), PREFIX.vlt (Verilator lint waivers), PREFIX_synth.tcl (Yosys), PREFIX.sdc, \
            PREFIX.core (FuseSoC) with PREFIX_fusesoc_synth.tcl, PREFIX_tb.sv (reset smoke test) \
            and manifest.json. \
            'transcode rtl timing' measures every module's latency in Verilator; 'transcode rtl \
            synth' synthesises the PE and a small top on NanGate45.

            Examples:
              transcode rtl --accelerator acceltran-edge --out /tmp/edge-rtl
              transcode rtl --index 1234 --out /tmp/rtl-1234
              transcode rtl --accelerator my-accel.yaml --out /tmp/rtl --integer-bits 8 --fraction-bits 8
              transcode rtl timing --out /tmp/timing.json
              transcode rtl synth --index 0 --out /tmp/synth-0
              transcode rtl run --accelerator acceltran-edge --model bert-tiny --out /tmp/run
            """,
        subcommands: [Generate.self, Timing.self, Synth.self, RTLRunCommand.self], defaultSubcommand: Generate.self)

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate", abstract: "Write the RTL of an accelerator.",
            discussion: """
                Accelerators: a built-in name, an AccelTran-style YAML or JSON file, or --index N \
                (0 to 14,849,999). Writes the SystemVerilog (modules named PREFIX_<module>), \
                PREFIX.f, PREFIX.vlt, PREFIX_synth.tcl, PREFIX.sdc, PREFIX.core, \
                PREFIX_fusesoc_synth.tcl, PREFIX_tb.sv and \
                manifest.json into --out. The SDC's clock is the calibrated table's unless \
                --clock-mhz is given.

                Examples:
                  transcode rtl generate --accelerator elector-star --out /tmp/star-rtl
                  transcode rtl generate --index 0 --out /tmp/rtl-0
                  transcode rtl generate --index 0 --prefix small --pes 2 --clock-mhz 200 --out /tmp/rtl-small
                """)

        @Option(help: "A built-in accelerator or an accelerator YAML/JSON file.") var accelerator: String?
        // Unconditional parsing, so that a negative number arrives as a value and gets the range
        // error of `space accelerators decode --index`, instead of being read as an unknown option.
        @Option(parsing: .unconditional, help: "Or an index into the 14,850,000-point space.") var index: Int?
        @Option(help: "Output directory.") var out: String
        @Option(parsing: .unconditional, help: "Integer bits of the fixed-point format.") var integerBits: Int = 4
        @Option(parsing: .unconditional, help: "Fraction bits of the fixed-point format.") var fractionBits: Int = 16
        @OptionGroup var packaging: RTLPackagingOptions

        func run() throws {
            guard (accelerator == nil) != (index == nil) else { throw CLIError("give exactly one of --accelerator or --index") }
            let config = try index.map(AcceleratorSpace.config(at:)) ?? Catalog.accelerator(accelerator!)
            let source = index.map { "--index \($0)" } ?? "--accelerator \(accelerator!)"
            var command = "transcode rtl \(source) --out \(out)"
            if integerBits != 4 || fractionBits != 16 { command += " --integer-bits \(integerBits) --fraction-bits \(fractionBits)" }
            command += packaging.commandSuffix
            let generator = RTLGenerator(
                library: try TemplateLibrary(directory: ProjectFiles.path("templates")),
                format: try FixedPointFormat(integerBits: integerBits, fractionBits: fractionBits))
            let options = try packaging.options(accelerator: accelerator, index: index)
            let design = try generator.generate(config, command: command, options: options)
            try design.write(to: out)
            print(
                "wrote \(design.files.count) SystemVerilog files and \(design.supportFiles.map(\.name).joined(separator: ", ")), "
                    + "manifest.json to \(out) (top: \(design.top), SDC clock \(options.clockMHz) MHz)")
        }
    }

    struct Timing: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timing", abstract: "Measure every module's latency and initiation interval in Verilator; write the timing table.",
            discussion: """
                Generates each timing variant of the module catalogue from templates/, runs it in \
                Verilator with eight inputs back to back, and writes a JSON timing table \
                (format, provenance, and modules [{module, latency, initiation_interval}]). \
                Before it starts, it prints how many variants it will run and an estimate of the \
                time; --out is checked first, so a bad path fails at once.

                Examples:
                  transcode rtl timing
                  transcode rtl timing --out /tmp/timing.json
                """)
        @Option(help: "Output file.") var out: String = ProjectFiles.path("synth/timing.json")

        func run() throws {
            // Checked before minutes of Verilator work, not when the table is written at the end.
            try OutputPath.checkWritable(out)
            let variants = TimingMeasurement.variants()
            FileHandle.standardError.write(Data("\(TimingEstimate(variants: variants.count))\n".utf8))
            let library = try TemplateLibrary(directory: ProjectFiles.path("templates"))
            let generator = RTLGenerator(library: library)
            let simulator = RTLSimulator(engine: .verilator, library: library)
            var rows: [TimingMeasurement] = []
            for variant in variants {
                let m = try TimingMeasurement.measure(variant, format: .paper, generator: generator, simulator: simulator)
                FileHandle.standardError.write(Data("\(m.module): latency \(m.latency), II \(m.initiationInterval)\n".utf8))
                rows.append(m)
            }
            let version = try Toolchain.run(try Toolchain.require(.verilator), ["--version"]).output.trimmingCharacters(
                in: .whitespacesAndNewlines)
            let table = TimingTable(
                provenance: [
                    "command": "transcode rtl timing", "simulator": version,
                    "method": "eight inputs back to back into each generated module; latency from the first input to its result",
                ], modules: rows)
            try OutputPath.write(table.jsonText(), to: out)
            print("wrote \(out): \(rows.count) modules")
        }
    }
}
