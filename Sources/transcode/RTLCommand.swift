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
        subcommands: [Generate.self, Timing.self], defaultSubcommand: Generate.self)

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write the RTL of an accelerator.")

    @Option(help: "A built-in accelerator or an accelerator YAML/JSON file.") var accelerator: String?
    @Option(help: "Or an index into the 14,850,000-point space.") var index: Int?
    @Option(help: "Output directory.") var out: String
    @Option(help: "Integer bits of the fixed-point format.") var integerBits: Int = 4
    @Option(help: "Fraction bits of the fixed-point format.") var fractionBits: Int = 16

    func run() throws {
        guard (accelerator == nil) != (index == nil) else { throw CLIError("give exactly one of --accelerator or --index") }
        let config = try index.map(AcceleratorSpace.config(at:)) ?? Catalog.accelerator(accelerator!)
        let source = index.map { "--index \($0)" } ?? "--accelerator \(accelerator!)"
        var command = "transcode rtl \(source) --out \(out)"
        if integerBits != 4 || fractionBits != 16 { command += " --integer-bits \(integerBits) --fraction-bits \(fractionBits)" }
        let generator = RTLGenerator(
            library: try TemplateLibrary(directory: ProjectFiles.path("templates")),
            format: try FixedPointFormat(integerBits: integerBits, fractionBits: fractionBits))
        let design = try generator.generate(config, command: command)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (name, text) in design.files { try text.write(toFile: "\(out)/\(name)", atomically: true, encoding: .utf8) }
            try design.fileList.write(toFile: "\(out)/elector.f", atomically: true, encoding: .utf8)
            try design.manifest.write(toFile: "\(out)/manifest.json", atomically: true, encoding: .utf8)
        } catch {
            throw RTLGenError.cannotWrite(path: out, reason: error.localizedDescription)
        }
        print("wrote \(design.files.count) SystemVerilog files, elector.f and manifest.json to \(out) (top: \(design.top))")
    }
    }

    struct Timing: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timing", abstract: "Measure every module's latency and initiation interval in Verilator; write the timing table.")
        @Option(help: "Output file.") var out: String = ProjectFiles.path("synth/timing.json")

        func run() throws {
            let library = try TemplateLibrary(directory: ProjectFiles.path("templates"))
            let generator = RTLGenerator(library: library)
            let simulator = RTLSimulator(engine: .verilator, library: library)
            var rows: [TimingMeasurement] = []
            for variant in TimingMeasurement.variants() {
                let m = try TimingMeasurement.measure(variant, format: .paper, generator: generator, simulator: simulator)
                FileHandle.standardError.write(Data("\(m.module): latency \(m.latency), II \(m.initiationInterval)\n".utf8))
                rows.append(m)
            }
            let version = try Toolchain.run(try Toolchain.require(.verilator), ["--version"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
            let table = TimingTable(provenance: [
                "command": "transcode rtl timing", "simulator": version,
                "method": "eight inputs back to back into each generated module; latency from the first input to its result",
            ], modules: rows)
            try table.jsonText().write(toFile: out, atomically: true, encoding: .utf8)
            print("wrote \(out): \(rows.count) modules")
        }
    }
}
