import AcceleratorProgram
import Foundation
import HardwareModules
import RTLGen

/// Runs programs on a generated system block (`RTLGenerator.generate(_:command:options:system:)`:
/// controller top, DMA engine as AXI4 master, CSR block as AXI4-Lite slave) in Verilator, with
/// the AXI memory model as main memory (templates/system_testbench.sv.mustache). The
/// testbench is the host: it starts the program and reads the counters through AXI4-Lite only.
package struct SystemRunner: Sendable {
    package let library: TemplateLibrary
    /// The memory model's latency and bandwidth.
    package let memory: AXIMemoryParameters

    package init(library: TemplateLibrary, memory: AXIMemoryParameters) {
        self.library = library
        self.memory = memory
    }

    /// What the host read over AXI4-Lite, and what the testbench observed on its own.
    package struct Outcome: Sendable, Equatable {
        /// Done, error, cycles and busy cycles as read from the CSRs (the vector unit's busy
        /// cycles, which have no register, from the system's `busy_vector` port), and main memory.
        package var program: ProgramRunner.Outcome
        /// The testbench's own counts: `tb_cycles` (cycles the controller was busy), `tb_dma`
        /// (cycles a DMA command was outstanding while busy), and `port_*`, the top's counter
        /// ports sampled directly.
        package var observed: [String: Int]
        /// Cycles from the host's write of CTRL.start to its read of STATUS.done.
        package var hostCycles: Int
        /// AXI4 beats the memory model handed over (reads) and took (writes).
        package var readBeats: Int
        package var writeBeats: Int
        /// An AXI4-Lite response other than OKAY, or an AXI4 rule the memory model saw broken.
        package var busError: Bool
        package var violation: Bool

        /// The CSR figures that differ from the testbench's observation, as "name csr != observed".
        package var counterMismatches: [String] {
            var pairs: [(String, Int, Int?)] = [
                ("cycles", program.cycles, observed["tb_cycles"]), ("cycles", program.cycles, observed["port_cycles"]),
                ("dma", program.busy["dma"] ?? 0, observed["tb_dma"]),
            ]
            pairs += CSRMap.busyClasses.map { ($0.name, program.busy[$0.name] ?? 0, observed["port_\($0.name)"]) }
            return pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) != \($0.2.map(String.init) ?? "none")" }
        }
    }

    /// Builds the testbench for `design` (a system block whose AXI data width is `dataBits`)
    /// once, and runs each program on it from reset; `directory` keeps the files (otherwise a
    /// temporary folder).
    package func run(
        design: GeneratedDesign, dataBits: Int, runs: [ProgramRunner.Run], timeout: Int = 2_000_000, directory: String? = nil
    ) throws -> [Outcome] {
        let dir = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("transcode-system-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: dir) } }
        for (name, text) in design.files { try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8) }
        // Whole 4 KiB pages: the DMA reads aligned beats, and a beat past the end would answer SLVERR.
        let size = ((runs.map(\.memory.count).max() ?? 1) + 4095) / 4096 * 4096
        let command = "system testbench of \(design.top)"
        let memoryModule = "axi_memory_model"
        try RTLGenerator(library: library).memoryModel(module: memoryModule, command: command).write(
            toFile: "\(dir)/\(memoryModule).sv", atomically: true, encoding: .utf8)
        let map = CSRMap(wordBits: 16)
        let status = map.register(.status).fields
        let reads: [(String, CSRRegister.ID)] = [("cycles", .cycles), ("code", .errorCode)] + CSRMap.busyClasses.map { ($0.name, $0.id) }
        let tb = try library.render(
            "system_testbench",
            [
                "banner": RTLGenerator.banner(command: command), "dut": design.top, "memory": memoryModule, "data_w": "\(dataBits)",
                "addr_w": "\(ModuleVariant.axiAddressBits)", "csr_aw": "\(map.addressBits)", "mem_bytes": "\(size)",
                "read_latency": "\(memory.readLatency)", "write_latency": "\(memory.writeLatency)", "bw_num": "\(memory.beatsNumerator)",
                "bw_den": "\(memory.beatsDenominator)", "timeout": "\(timeout)", "ctrl": "\(CSRMap.offset(of: .ctrl))",
                "status": "\(CSRMap.offset(of: .status))", "prog_addr": "\(CSRMap.offset(of: .progAddr))",
                "prog_len": "\(CSRMap.offset(of: .progLen))", "done_bit": "\(status.first { $0.name == "done" }!.lsb)",
                "error_bit": "\(status.first { $0.name == "error" }!.lsb)",
            ],
            lists: ["reads": reads.map { ["name": $0.0, "offset": "\(CSRMap.offset(of: $0.1))"] }])
        try tb.write(toFile: "\(dir)/tb.sv", atomically: true, encoding: .utf8)
        try VerilatorBench.build(files: ["tb.sv", "\(memoryModule).sv"] + design.files.map(\.name), directory: dir)
        return try runs.enumerated().map { k, r in
            let (f, program) = try ProgramRunner.simulate(r, index: k, directory: dir, testbench: "system")
            return Outcome(
                program: program, observed: f.filter { $0.key.hasPrefix("tb_") || $0.key.hasPrefix("port_") },
                hostCycles: f["host_cycles"] ?? 0, readBeats: f["read_beats"] ?? 0, writeBeats: f["write_beats"] ?? 0,
                busError: f["bus_error"] != 0, violation: f["violation"] != 0)
        }
    }
}
