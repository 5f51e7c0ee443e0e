import DesignSpace
import Foundation
import RTLGen
import TestSupport
import Testing
import Toolchain

/// Module prefixes, the lint waivers and the packaging files of a generated design.
@Suite(.serialized) struct DesignPackagingTests {
    func design(index: Int, prefix: String? = nil) throws -> GeneratedDesign {
        let naming = try prefix.map(DesignNaming.init(prefix:)) ?? DesignNaming.derived(name: nil, index: index)
        return try RTLFixtures.generator.generate(
            AcceleratorSpace.config(at: index), command: "transcode rtl --index \(index) --out OUT",
            options: DesignOptions(naming: naming, peCount: 2, clockMHz: 250))
    }

    @Test func prefixesComeFromTheNameOrIndexAndMustBeIdentifiers() throws {
        #expect(DesignNaming.derived(name: "acceltran-edge", index: nil).prefix == "acceltran_edge")
        #expect(DesignNaming.derived(name: "configs/My-Accel.v2.yaml", index: nil).prefix == "my_accel")
        #expect(DesignNaming.derived(name: "2x.yaml", index: nil).prefix == "d_2x")
        #expect(DesignNaming.derived(name: nil, index: 1_234_567).prefix == "e1234567")
        #expect(try DesignNaming(prefix: "chip_a").module("softmax_b1_x16") == "chip_a_softmax_b1_x16")
        #expect(throws: RTLGenError.invalidPrefix("9lives")) { try DesignNaming(prefix: "9lives") }
        #expect(
            RTLGenError.invalidPrefix("a-b").description
                == "module prefix 'a-b' is not an identifier: use a letter, then letters, digits or '_', at most 40 characters")
    }

    /// Every module carries the prefix, including the ones a template instantiates; the
    /// manifest keeps the canonical names (the catalogue's and the hardware table's keys).
    @Test func thePrefixReachesEveryModuleAndInstanceButNotTheCanonicalNames() throws {
        let d = try design(index: 0, prefix: "chip_a")
        #expect(d.top == "chip_a_top")
        for (name, text) in d.files {
            #expect(name.hasPrefix("chip_a_"))
            let declared = text.firstMatch(of: /\nmodule (\w+)/).map { String($0.1) }
            #expect(declared.map { "\($0).sv" } == name)
        }
        let pe = d.files.first { $0.name == "chip_a_pe.sv" }!.text
        #expect(pe.contains("chip_a_mac_lane_m1_relu u_") || pe.contains("chip_a_mac_lane_m1_relu #("))
        #expect(!pe.contains(" mac_lane_m1_relu "))
        let manifest = try JSONSerialization.jsonObject(with: Data(d.manifest.utf8)) as! [String: Any]
        let modules = manifest["modules"] as! [[String: Any]]
        #expect(modules.contains { $0["canonical"] as? String == "softmax_b1_x8" && $0["module"] as? String == "chip_a_softmax_b1_x8" })
        #expect(manifest["prefix"] as? String == "chip_a")
        let package = manifest["package"] as! [String: Any]
        #expect(package["filelist"] as? String == "chip_a.f" && package["sdc"] as? String == "chip_a.sdc")
        #expect(package["fusesoc_core"] as? String == "chip_a.core" && package["lint_waivers"] as? String == "chip_a.vlt")
        #expect(package["synthesis_script"] as? String == "chip_a_synth.tcl" && package["testbench"] as? String == "chip_a_tb.sv")
        #expect(
            d.supportFiles.map(\.name) == [
                "chip_a.f", "chip_a.vlt", "chip_a_synth.tcl", "chip_a.sdc", "chip_a.core", "chip_a_fusesoc_synth.tcl", "chip_a_tb.sv",
            ])
    }

    /// Two different designs, each in its own folder, lint together with -Wall in one
    /// Verilator run through their file lists and waiver files; with one prefix for both,
    /// the same run fails on the duplicate modules.
    @Test func twoDesignsCompileTogether() throws {
        let root = try TemporaryDirectory("transcode-two-designs")
        func lintBoth(_ a: GeneratedDesign, _ b: GeneratedDesign) throws -> Toolchain.Result {
            try a.write(to: "\(root.path)/a")
            try b.write(to: "\(root.path)/b")
            let pa = a.packaging
            let pb = b.packaging
            return try Toolchain.run(
                try Toolchain.require(.verilator),
                [
                    "--lint-only", "-Wall", "-Wno-MULTITOP", "a/\(pa.waiverName)", "b/\(pb.waiverName)", "-F", "a/\(pa.fileListName)",
                    "-F", "b/\(pb.fileListName)",
                ], directory: root.path)
        }
        let ok = try lintBoth(try design(index: 0), try design(index: 1_234_567))
        #expect(ok.status == 0 && ok.error.isEmpty, "\(Toolchain.excerpt(lines: 4, text: ok.error))")
        let clash = try lintBoth(try design(index: 0, prefix: "same"), try design(index: 1_234_567, prefix: "same"))
        #expect(clash.status != 0 && clash.error.contains("same_top"))
    }

    /// The file list drives Icarus as well: the reset smoke test compiles and passes.
    @Test func theFileListBuildsTheSmokeTestInIcarus() throws {
        let root = try TemporaryDirectory("transcode-smoke")
        let d = try design(index: 0)
        try d.write(to: root.path)
        let compile = try Toolchain.run(
            try Toolchain.require(.iverilog), ["-g2012", "-o", "tb.vvp", "-c", "e0.f", "e0_tb.sv"], directory: root.path)
        #expect(compile.status == 0, "\(Toolchain.excerpt(lines: 4, text: compile.error))")
        let vvp = URL(fileURLWithPath: try Toolchain.require(.iverilog)).deletingLastPathComponent().appendingPathComponent("vvp").path
        let run = try Toolchain.run(vvp, ["-n", "tb.vvp"], directory: root.path)
        // The controller's top has two: busy and the DMA command's valid.
        #expect(run.output.contains("PASS: e0_top reset smoke test, 2 control outputs known"), "\(run.output)")
    }

    /// The SDC carries the requested clock and the declared I/O budget.
    @Test func theSDCCarriesTheClock() throws {
        let sdc = try design(index: 0).supportFiles.first { $0.name == "e0.sdc" }!.text
        #expect(sdc.contains("create_clock -name clk -period 4.0 [get_ports clk]"))
        #expect(sdc.contains("set_input_delay 0.8 -clock clk"))
        #expect(sdc.contains("set_output_delay 0.8 -clock clk [all_outputs]"))
    }
}
