import Foundation
import HardwareModules
import RTLGen
import Testing
import Toolchain

/// The DMA engine, the csr block and the memory model pass `verilator --lint-only -Wall` with
/// no warning, and Yosys 0.23 reads and elaborates the synthesisable ones.
@Suite(.serialized) struct SystemBlockLintTests {
    static let variants = [ModuleKind.dmaEngine, .csr, .zeroFreePacker, .zeroFreeUnpacker].flatMap { ModuleCatalog.entry($0).examples }

    func scratch(_ name: String, _ text: String) throws -> (dir: String, file: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
        return (dir, name)
    }

    @Test(arguments: variants.map(\.moduleName))
    func lintIsClean(module: String) throws {
        let variant = Self.variants.first { $0.moduleName == module }!
        let (dir, file) = try scratch("\(module).sv", try RTLFixtures.generator.generate(variant, command: "lint test"))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Toolchain.run(try Toolchain.require(.verilator), ["--lint-only", "-Wall", file], directory: dir)
        #expect(r.status == 0 && r.error.isEmpty, "\(module): \(Toolchain.excerpt(lines: 4, text: r.error))")
    }

    @Test func memoryModelLintIsClean() throws {
        let (dir, file) = try scratch("axi_memory_model.sv", try RTLFixtures.generator.memoryModel(command: "lint test"))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Toolchain.run(try Toolchain.require(.verilator), ["--lint-only", "-Wall", "--timing", file], directory: dir)
        #expect(r.status == 0 && r.error.isEmpty, "\(Toolchain.excerpt(lines: 4, text: r.error))")
    }

    /// Yosys elaborates one point of each (a full synthesis is the calibration's job); the
    /// generated design's lint test reads only the codec's ports, so both codec bodies are here.
    @Test(arguments: [variants[0].moduleName, ModuleVariant.zeroFreePacker(values: 64).moduleName, variants.last!.moduleName])
    func yosysReadsIt(module: String) throws {
        let variant = Self.variants.first { $0.moduleName == module }!
        let (dir, file) = try scratch("\(module).sv", try RTLFixtures.generator.generate(variant, command: "yosys test"))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Toolchain.run(
            try Toolchain.require(.yosys), ["-q", "-p", "read_verilog -sv \(file); hierarchy -check -top \(module); proc; check -assert"],
            directory: dir)
        #expect(r.status == 0, "\(module): \(Toolchain.excerpt(lines: 4, text: r.error + r.output))")
    }
}
