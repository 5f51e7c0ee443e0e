import AcceleratorProgram
import Foundation
import Testing

/// `transcode compile` and `transcode rtl run` on a small configuration.
@Suite(.serialized) struct ProgramCLITests {
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("transcode-\(name)-\(UUID())").path
    }

    @Test func compileWritesAProgramThatReadsBack() throws {
        let out = temporary("compile") + ".prog"
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: out + ".txt")
        }
        let r = try TranscodeBinary.run(["compile", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--out", out])
        #expect(r.status == 0, "\(r.transcript)")
        let program = try Program(file: [UInt8](try Data(contentsOf: URL(fileURLWithPath: out))))
        #expect(r.transcript.contains("wrote \(out): \(program.instructions.count) instructions (ISA version 3) for 2 PEs"))
        #expect(program.instructions.last == .end && program.target.tile == 16)
        #expect(try String(contentsOfFile: out + ".txt", encoding: .utf8).hasPrefix("0\tload activation[0]"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let pes = try TranscodeBinary.run([
            "compile", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--pes", "0", "--out", "/tmp/x",
        ])
        #expect(pes.status == 64)
        #expect(pes.transcript.contains("Error: --pes must be 1 to 64 (the accelerator's PEs), got 0"))
        let kind = try TranscodeBinary.run([
            "rtl", "run", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--program", "fft", "--out", "/tmp/x",
        ])
        #expect(kind.status == 64)
        #expect(kind.transcript.contains("Error: --program must be matmul, layer, training, got 'fft'"))
        let tau = try TranscodeBinary.run([
            "rtl", "run", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--dynaprop", "0.1", "--out", "/tmp/x",
        ])
        #expect(tau.status == 64)
        #expect(tau.transcript.contains("Error: --dynaprop takes two thresholds tau_I,tau_T from 0 to below 8, e.g. 0.05,0.02; got '0.1'"))
        let base = ["rtl", "run", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--out", "/tmp/x"]
        let model = try TranscodeBinary.run(base + ["--memory-model", "dma"])
        #expect(model.status == 64)
        #expect(model.transcript.contains("Error: --memory-model must be behavioural or axi, got 'dma'"))
        let memory = try TranscodeBinary.run(base + ["--memory-model", "axi", "--memory", "ddr5"])
        #expect(memory.status == 64)
        #expect(
            memory.transcript.contains(
                "Error: --memory must be one of rram_16_2_2, rram_8_2_4, rram_4_2_8, rram_2_2_16, rram_32_2_1, rram_1_2_32, "
                    + "dram_16_2_2, dram_8_2_4, dram_32_2_1, dram_16_4_1, hbm_32_1_4, got 'ddr5'"))
        let bits = try TranscodeBinary.run(base + ["--memory-model", "axi", "--axi-bits", "48"])
        #expect(bits.status == 64)
        #expect(bits.transcript.contains("Error: --axi-bits must be a power of two from 32 to 1024, got 48"))
        let behavioural = try TranscodeBinary.run(base + ["--memory", "hbm_32_1_4"])
        #expect(behavioural.status == 64)
        #expect(behavioural.transcript.contains("Error: --memory and --clock need --memory-model axi"))
        let sparsity = try TranscodeBinary.run([
            "rtl", "run", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--weight-sparsity", "1", "--out", "/tmp/x",
        ])
        #expect(sparsity.status == 64)
        #expect(
            sparsity.transcript.contains("Error: --weight-sparsity must be from 0 to below 1 (the fraction of weights pruned), got 1.0"))
    }

    /// One Verilator build: BERT-Tiny's first layer scaled to AccelTran-Edge's 16 x 16 tile,
    /// on 2 PEs, with DynaProp on for activations and half the weights pruned.
    @Test func rtlRunChecksTheLayerAgainstTheReference() throws {
        let out = temporary("rtl-run")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try TranscodeBinary.run([
            "rtl", "run", "--accelerator", "acceltran-edge", "--model", "bert-tiny", "--dynaprop", "0.05,0.02", "--weight-sparsity", "0.5",
            "--out", out,
        ])
        #expect(r.status == 0, "\(r.transcript)")
        #expect(r.transcript.contains("layer: sequence 16, hidden 16, feed-forward 64;"))
        #expect(r.transcript.contains("result: every result equals the reference (main memory identical)"))
        #expect(r.transcript.contains("busy cycles: mac "))
        #expect(r.transcript.contains("matmul: 14 PE operations on 16-row tiles: 16.00 MAC-lane cycles (row chunks) per tile"))
        #expect(
            FileManager.default.fileExists(atPath: out + "/program.bin") && FileManager.default.fileExists(atPath: out + "/elector_top.sv"))
    }

    /// `transcode benchmark rtl-sim`: options are checked before any build, and one small run
    /// re-simulates the built model and gets the same cycles and memory as its first run.
    @Test func rtlSimulationBenchmarkReSimulatesTheBuiltModel() throws {
        let repeats = try TranscodeBinary.run(["benchmark", "rtl-sim", "--repeats", "0", "--out", "/tmp/never"])
        #expect(repeats.status == 64)
        #expect(repeats.transcript.contains("Error: --repeats must be 1 to 20, got 0"))
        let pes = try TranscodeBinary.run(["benchmark", "rtl-sim", "--pes", "2,x", "--out", "/tmp/never"])
        #expect(pes.status == 64)
        #expect(pes.transcript.contains("Error: --pes must list PE counts separated by commas, got '2,x'"))
        let many = try TranscodeBinary.run(["benchmark", "rtl-sim", "--pes", "99", "--out", "/tmp/never"])
        #expect(many.status == 64)
        #expect(many.transcript.contains("Error: --pes must be 1 to 64 for acceltran-edge, got 99"))
        // rtl-synth's benchmark parses --pes the same way and bounds it by the synthesis limit.
        let zero = try TranscodeBinary.run(["benchmark", "rtl-synth", "--pes", "0,2", "--out", "/tmp/never"])
        #expect(zero.status == 64)
        #expect(zero.transcript.contains("Error: --pes must list PE counts separated by commas, got '0,2'"))
        let large = try TranscodeBinary.run(["benchmark", "rtl-synth", "--pes", "2,20", "--out", "/tmp/never"])
        #expect(large.status == 64)
        #expect(large.transcript.contains("Error: --pes must be 1 to 16 for synthesis, got 20"))
        let out = temporary("rtl-sim-bench")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try TranscodeBinary.run(["benchmark", "rtl-sim", "--pes", "1", "--program", "matmul", "--repeats", "1", "--out", out])
        #expect(r.status == 0, "\(r.transcript)")
        let row = r.transcript.split(separator: "\n").first { $0.hasPrefix("acceltran-edge") }.map(String.init) ?? ""
        let fields = row.split(separator: " ", omittingEmptySubsequences: true)
        #expect(fields.count >= 7 && fields[1] == "1" && (Int(fields[2]) ?? 0) > 0, "\(r.transcript)")
        #expect(row.hasSuffix("every result equals the reference"), "\(r.transcript)")
    }
}
