import CostModel
import DesignSpace
import Foundation

/// How a simulated program reaches main memory.
package enum MainMemoryPath: Sendable, Equatable {
    /// The controller's top alone, with main memory and a behavioural DMA in the testbench
    /// (templates/program_testbench.sv.mustache): one buffer word a cycle after `latency` cycles.
    case behavioural(latency: Int)
    /// The system block (top, DMA engine as AXI4 master of `dataBits`, CSR block), with the
    /// AXI memory model of `timing` (`memory` at `clockMHz`) as main memory
    /// (templates/system_testbench.sv.mustache).
    case axi(memory: String, clockMHz: Double, timing: AXIMemoryParameters, dataBits: Int)

    /// The behavioural DMA's start latency when nothing else is said (the tests' figure).
    package static let standardLatency = 8

    /// The AXI path to `memory` timed by the simulator's main-memory model (`setting`) at
    /// `clockMHz` behind a bus of `dataBits`.
    package static func axi(
        to memory: MainMemory, setting: MainMemorySetting = .standard, clockMHz: Double, dataBits: Int
    ) -> MainMemoryPath {
        .axi(
            memory: memory.key, clockMHz: clockMHz,
            timing: AXIMemoryParameters.derive(model: setting.model(for: memory), clockMHz: clockMHz, dataBits: dataBits),
            dataBits: dataBits)
    }

    /// One line for a report, e.g. "AXI4 64-bit bus to hbm_32_1_4 at 419.9 MHz: read latency
    /// 12 cycles, write latency 12 cycles, 1 beat a cycle (bus-limited)".
    package var description: String {
        switch self {
        case .behavioural(let latency):
            return "behavioural DMA in the testbench: one buffer word a cycle after \(latency) cycles"
        case .axi(let memory, let mhz, let t, let bits):
            let rate =
                t.beatsNumerator == t.beatsDenominator
                ? "1 beat a cycle" : "\(t.beatsNumerator)/\(t.beatsDenominator) beats a cycle"
            return
                "AXI4 \(bits)-bit bus to \(memory) at \(String(format: "%g", mhz)) MHz: read latency \(t.readLatency) cycles, write latency \(t.writeLatency) cycles, "
                + rate + (t.busLimited ? " (bus-limited)" : "")
        }
    }
}
