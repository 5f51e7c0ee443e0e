import DesignSpace
import Foundation
import RTLGen
import RTLSim
import TestSupport
import Testing
import Toolchain

@Suite(.serialized) struct GeneratedDesignTests {
    func write(_ files: [(String, String)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-rtl-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8) }
        return dir
    }

    /// `verilator --lint-only -Wall` with the configuration files `waivers` (read first).
    func lint(_ dir: String, top: String, files: [String], waivers: [String] = []) throws {
        let r = try Toolchain.run(
            try Toolchain.require(.verilator), ["--lint-only", "-Wall", "--top-module", top] + waivers + files, directory: dir)
        #expect(
            r.status == 0 && r.error.isEmpty,
            "verilator --lint-only \(top): \(r.error.split(separator: "\n").prefix(4).joined(separator: " | "))")
    }

    func elaborate(_ dir: String, top: String, files: [String]) throws {
        let script = "read_verilog -sv \(files.joined(separator: " ")); hierarchy -check -top \(top)"
        let r = try Toolchain.run(try Toolchain.require(.yosys), ["-q", "-p", script], directory: dir)
        let problems = (r.output + r.error).split(separator: "\n").filter { !$0.contains("Replacing memory") && !$0.isEmpty }
        #expect(r.status == 0 && problems.isEmpty, "yosys hierarchy -check \(top): \(problems.prefix(4).joined(separator: " | "))")
    }

    /// 20 seeded points of the 14,850,000: the top level (with the PE as a black box) and the
    /// full PE pass Verilator's lint with -Wall and the design's own waiver file, and Yosys's
    /// hierarchy check. The top is generated with 8 PEs (`DesignOptions.peCount`): each PE
    /// slot holds its tile's full-precision results, so a 1,024-PE top takes minutes and about
    /// a gigabyte to elaborate; the array is one generate loop whose body does not depend on
    /// the PE count, which only sets the PE-select width (3 bits here).
    @Test func randomAcceleratorsLintAndElaborate() throws {
        var checkedPEs = Set<String>()
        // The PE's interface alone leaves its inputs unused and outputs undriven on purpose.
        let stubWaiver = "`verilator_config\nlint_off -file \"*elector_pe_interface.sv\"\n"
        for config in AcceleratorSpace.sample(20, seed: 2026) {
            let design = try RTLFixtures.generator.generate(config, command: "property test", options: DesignOptions(peCount: 8))
            let stub = try RTLFixtures.generator.peInterface(config, command: "property test")
            let waivers = design.supportFiles.first { $0.name == "elector.vlt" }!
            let topFiles =
                [
                    ("elector_pe_interface.sv", stub), ("elector_sram.sv", design.files.first { $0.name == "elector_sram.sv" }!.text),
                    ("elector_pe_slot.sv", design.files.first { $0.name == "elector_pe_slot.sv" }!.text),
                    ("elector_top.sv", design.files.first { $0.name == "elector_top.sv" }!.text),
                ] + design.files.filter { $0.name.hasPrefix("elector_zero_free_") }.map { ($0.name, $0.text) }  // the top's codec
            // Yosys elaborates every bit of a codec of N values and W bits (about 3 minutes and
            // 4 GB at N = 4096): the top's check reads the codec's ports only (the header up to
            // the port list's close). SystemBlockLintTests elaborates the codec bodies and
            // ZeroFreeRTLTests runs them.
            let codecPorts = topFiles.filter { $0.0.hasPrefix("elector_zero_free_") }.map { file in
                (file.0, String(file.1[..<file.1.range(of: "\n);\n")!.upperBound]) + "endmodule\n")
            }
            let topDir = try write(topFiles + [waivers, ("stub.vlt", stubWaiver)])
            try lint(topDir, top: "elector_top", files: topFiles.map(\.0), waivers: ["elector.vlt", "stub.vlt"])
            let elaborateDir = try write(topFiles.filter { !$0.0.hasPrefix("elector_zero_free_") } + codecPorts)
            try elaborate(elaborateDir, top: "elector_top", files: topFiles.map(\.0))
            let peFiles = design.files.filter {
                !["elector_top.sv", "elector_sram.sv", "elector_pe_slot.sv"].contains($0.name) && !$0.name.hasPrefix("elector_zero_free_")
            }
            let key = peFiles.map(\.text).joined()
            guard checkedPEs.insert(key).inserted else { continue }
            let peDir = try write(peFiles.map { ($0.name, $0.text) } + [waivers])
            try lint(peDir, top: "elector_pe", files: peFiles.map(\.name), waivers: ["elector.vlt"])
            try elaborate(peDir, top: "elector_pe", files: peFiles.map(\.name))
        }
    }

    /// AccelTran-Edge (b = 1, x = 16, 16 MACs per lane) and ELECTOR* (b = 4, x = 32): the two
    /// goldens cover both batch tiles and the smallest and largest row widths the PE builds.
    @Test(arguments: ["acceltran-edge", "elector-star"])
    func generatedRTLMatchesGolden(name: String) throws {
        let design = try RTLFixtures.generator.generate(
            BuiltIns.accelerator(named: name)!, command: "transcode rtl --accelerator \(name) --out OUT")
        for (file, text) in design.allFiles { try GoldenFile.check(text, against: "rtl/\(name)/\(file)") }
    }

    @Test func everyFileStartsWithItsBannerAndTemplatesDeclareTheirParameters() throws {
        let design = try RTLFixtures.generator.generate(
            BuiltIns.accelerator(named: "elector-star")!, command: "transcode rtl --accelerator elector-star --out X")
        for (_, text) in design.files { #expect(text.hasPrefix("// Generated by TransCODE-Swift")) }
        // The packaging files carry it too, in their own comment syntax.
        for (name, text) in design.supportFiles {
            #expect(text.contains("Generated by TransCODE-Swift \(RTLGenerator.version) with: transcode rtl"), "\(name)")
        }
        #expect(throws: RTLGenError.undeclaredParameter(template: "fifo", parameter: "colour")) {
            try RTLFixtures.library.render("fifo", ["banner": "", "module": "f", "w": "8", "depth": "2", "aw": "1", "colour": "red"])
        }
        #expect(throws: RTLGenError.missingParameter(template: "fifo", parameter: "aw")) {
            try RTLFixtures.library.render("fifo", ["banner": "", "module": "f", "w": "8", "depth": "2"])
        }
    }

    /// Asked for its system blocks, a design also carries the DMA engine and the csr block
    /// for the interface given, leaf modules before the top; without, nothing changes.
    @Test func systemBlocksAreGeneratedWhenAsked() throws {
        let config = BuiltIns.accelerator(named: "acceltran-edge")!
        let system = RTLGenerator.systemInterface(for: config, format: RTLFixtures.format, axiDataBits: 128)
        #expect(system == SystemInterface(axiDataBits: 128, bufferWordBits: 5120, bufferAddressBits: 18, maxBurst: 16))
        let plain = try RTLFixtures.generator.generate(config, command: "system test")
        let full = try RTLFixtures.generator.generate(config, command: "system test", system: system)
        let added = full.files.map(\.name).filter { !plain.files.map(\.name).contains($0) }
        #expect(added == ["elector_dma_engine_d128_w5120_a18_l16.sv", "elector_csr_w20.sv", "elector_system.sv"])
        #expect(full.files.last!.name == "elector_system.sv" && full.top == "elector_system")
        let wrong = SystemInterface(axiDataBits: 128, bufferWordBits: 256, bufferAddressBits: 12, maxBurst: 16)
        #expect(
            throws: RTLGenError.systemMismatch(
                expected: "buffer word 5120 bits, address 18 bits", given: "buffer word 256 bits, address 12 bits")
        ) { try RTLFixtures.generator.generate(config, command: "system test", system: wrong) }
        #expect(full.manifest.contains("\"template\" : \"dma_engine\"") && !plain.manifest.contains("dma_engine"))
        let blocks = full.files.filter { added.dropLast().contains($0.name) }
        for (_, text) in blocks { #expect(text.hasPrefix("// Generated by TransCODE-Swift")) }
        let dir = try write(blocks.map { ($0.name, $0.text) })
        for file in added.dropLast() {
            try lint(dir, top: String(file.dropLast(3)), files: [file])
            try elaborate(dir, top: String(file.dropLast(3)), files: [file])
        }
        // The system top wires the controller's top to both blocks: it lints with every file
        // of a 2-PE design.
        let small = try RTLFixtures.generator.generate(config, command: "system test", options: DesignOptions(peCount: 2), system: system)
        let smallDir = try write(small.files.map { ($0.name, $0.text) } + small.supportFiles)
        try lint(smallDir, top: "elector_system", files: small.files.map(\.name), waivers: ["elector.vlt"])
    }

    /// AccelTran-Edge's whole top, PEs included (not stubbed), passes lint with its waivers.
    /// Four PEs rather than its 64: the PE array is one generate loop whose body does not
    /// depend on the count (the 20-point test above lints tops of 8), and 64 full PEs cost
    /// Verilator about six minutes of CI for nothing more.
    @Test func theFullAcceltranEdgeTopLintsClean() throws {
        let design = try RTLFixtures.generator.generate(
            BuiltIns.accelerator(named: "acceltran-edge")!, command: "lint", options: DesignOptions(peCount: 4))
        let dir = try write(design.files.map { ($0.name, $0.text) } + design.supportFiles)
        try lint(dir, top: "elector_top", files: design.files.map(\.name), waivers: ["elector.vlt"])
    }
}
