import ArgumentParser
import CostModel
import DesignSpace
import Foundation
import RTLGen

/// `transcode rtl`: SystemVerilog for an accelerator.
struct RTLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rtl", abstract: "Generate the SystemVerilog of an accelerator (all modules, PE, top), a file list and a manifest.")

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
