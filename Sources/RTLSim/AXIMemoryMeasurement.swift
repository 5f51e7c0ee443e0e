import DesignSpace
import Foundation
import RTLGen

/// What the AXI memory model does under a master that is always ready
/// (templates/axi_memory_model_tb.sv.mustache): first-beat latency, read bandwidth over a long
/// sequence of bursts, and write-response latency, measured in Verilator.
package struct AXIMemoryMeasurement: Sendable, Equatable {
    /// Cycles from the first AR handshake to the first R handshake.
    package let firstBeatLatency: Int
    /// Read beats handed over, and the cycles from the first to the last of them.
    package let readBeats: Int
    package let readCycles: Int
    /// Cycles from the last W handshake to the B handshake.
    package let writeResponseLatency: Int
    package let violation: Bool

    /// Bytes per cycle over the read sequence (beats after the first, over the cycles they took).
    package func readBytesPerCycle(dataBits: Int) -> Double { Double((readBeats - 1) * dataBits / 8) / Double(readCycles) }

    /// Runs `bursts` read bursts of `beats` beats on a model of `dataBits` with `timing`.
    package static func measure(
        generator: RTLGenerator, dataBits: Int, timing: AXIMemoryParameters, bursts: Int = 32, beats: Int = 64
    ) throws -> AXIMemoryMeasurement {
        let command = "AXI memory model measurement"
        let size = 65536
        let tb = try generator.library.render(
            "axi_memory_model_tb",
            [
                "banner": RTLGenerator.banner(command: command), "memory": "axi_memory_model", "data_w": "\(dataBits)",
                "log2_data_b": "\(Int.ceilLog2(dataBits / 8))", "size_bytes": "\(size)", "read_latency": "\(timing.readLatency)",
                "write_latency": "\(timing.writeLatency)", "bw_num": "\(timing.beatsNumerator)", "bw_den": "\(timing.beatsDenominator)",
                "bursts": "\(bursts)", "arlen": "\(beats - 1)", "burst_bytes": "\(beats * dataBits / 8)",
            ])
        let out = try VerilatorBench.run(
            sources: ["tb.sv": tb, "axi_memory_model.sv": try generator.memoryModel(command: command)], inputs: [:], outputs: ["trace.txt"])
        var events: [String: [Int]] = [:]
        var violation = true
        for line in (out["trace.txt"] ?? "").split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count >= 2, let cycle = Int(f[1]) else { continue }
            events[String(f[0]), default: []].append(cycle)
            if f[0] == "B", f.count == 3 { violation = f[2] == "1" }
        }
        let ar = events["AR"] ?? [0]
        let r = events["R"] ?? [0]
        let w = events["W"] ?? [0]
        let b = events["B"] ?? [0]
        return AXIMemoryMeasurement(
            firstBeatLatency: r[0] - ar[0], readBeats: r.count, readCycles: r.last! - r[0],
            writeResponseLatency: b[0] - w.last!, violation: violation)
    }
}
