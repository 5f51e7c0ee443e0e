import Foundation
import HardwareModules
import RTLGen

/// Runs the DMA engine against the AXI memory model in Verilator
/// (templates/dma_engine_tb.sv.mustache): commands one after the other, four buffers, and a
/// main memory of given contents, timing, random stalls and error window.
package struct DMATestbench: Sendable {
    /// The memory model's set-up.
    package struct Memory: Sendable {
        package var timing: AXIMemoryParameters
        /// Share of cycles (percent) in which every ready and valid the memory drives is withheld.
        package var stallPercent: Int
        package var seed: Int
        /// Byte addresses that answer SLVERR.
        package var errorWindow: Range<Int>?

        package init(timing: AXIMemoryParameters, stallPercent: Int = 0, seed: Int = 1, errorWindow: Range<Int>? = nil) {
            self.timing = timing
            self.stallPercent = stallPercent
            self.seed = seed
            self.errorWindow = errorWindow
        }
    }

    package let generator: RTLGenerator

    package init(generator: RTLGenerator) { self.generator = generator }

    /// Runs `commands` on `variant` (a `.dmaEngine`). `buffers` holds the four buffers' words
    /// (byte 0 first), each 2^BUF_AW words.
    package func run(
        _ variant: ModuleVariant, commands: [DMACommand], memory: [UInt8], buffers: [[[UInt8]]], setup: Memory,
        maxCycles: Int = 200_000
    ) throws -> DMATrace {
        guard case .dmaEngine(let d, let bw, let aw, _) = variant else { preconditionFailure("not a DMA engine: \(variant.moduleName)") }
        let command = "DMA testbench"
        let window = setup.errorWindow ?? 0..<0
        let tb = try generator.library.render(
            "dma_engine_tb",
            [
                "banner": RTLGenerator.banner(command: command), "dut": variant.moduleName, "memory": "axi_memory_model",
                "data_w": "\(d)", "data_b": "\(d / 8)", "addr_w": "\(ModuleVariant.axiAddressBits)", "buf_w": "\(bw)", "buf_aw": "\(aw)",
                "buf_words": "\(4 << aw)", "size_bytes": "\(memory.count)", "read_latency": "\(setup.timing.readLatency)",
                "write_latency": "\(setup.timing.writeLatency)", "bw_num": "\(setup.timing.beatsNumerator)",
                "bw_den": "\(setup.timing.beatsDenominator)", "stall_percent": "\(setup.stallPercent)", "seed": "\(setup.seed)",
                "err_base": "\(window.lowerBound)", "err_size": "\(window.count)", "commands": "\(commands.count)",
                "command_words": "\(6 * commands.count)", "max_cycles": "\(maxCycles)",
            ])
        let words = commands.flatMap { c in
            [c.store ? 1 : 0, c.target, Int(c.memoryAddress), Int(c.stride), c.bufferAddress, c.rows].map { String($0, radix: 16) }
        }
        let outputs = try VerilatorBench.run(
            sources: [
                "tb.sv": tb, "\(variant.moduleName).sv": try generator.generate(variant, command: command),
                "axi_memory_model.sv": try generator.memoryModel(command: command),
            ],
            inputs: [
                "commands.hex": words.joined(separator: "\n") + "\n",
                "memory.hex": memory.map { String(format: "%02x", $0) }.joined(separator: "\n") + "\n",
                "buffer.hex": buffers.flatMap { $0 }.map(DMATrace.hex).joined(separator: "\n") + "\n",
            ],
            outputs: ["trace.txt", "memory_out.hex"])
        return DMATrace(trace: outputs["trace.txt"] ?? "", memory: outputs["memory_out.hex"] ?? "", wordBytes: bw / 8)
    }
}
