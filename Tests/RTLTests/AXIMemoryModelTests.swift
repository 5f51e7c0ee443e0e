import CostModel
import DesignSpace
import Foundation
import ProjectLayout
import RTLSim
import Testing

/// The AXI memory model delivers the latency and bandwidth its parameters say, and the
/// parameters follow from data/memory-models.json, the bandwidth model and the clock.
@Suite(.serialized) struct AXIMemoryModelTests {
    static let latency = try! MainMemoryLatency.load(path: ProjectFiles.path("data/memory-models.json"))

    /// Parameters derived for real memory types, and one hand-made fractional rate.
    static let cases: [(name: String, dataBits: Int, timing: AXIMemoryParameters)] = [
        (
            "dram_32_2_1 at 500 MHz", 512,
            AXIMemoryParameters.derive(memory: MainMemory.all[8], latency: latency, clockMHz: 500, dataBits: 512)
        ),
        (
            "hbm_32_1_4 at 500 MHz", 512,
            AXIMemoryParameters.derive(memory: MainMemory.all[10], latency: latency, clockMHz: 500, dataBits: 512)
        ),
        ("7/10 beats a cycle", 64, AXIMemoryParameters(readLatency: 5, writeLatency: 3, beatsNumerator: 7, beatsDenominator: 10)),
    ]

    @Test(arguments: 0..<cases.count)
    func measuredLatencyAndBandwidthEqualTheParameters(index: Int) throws {
        let c = Self.cases[index]
        let bursts = 32
        let beats = 64
        let m = try AXIMemoryMeasurement.measure(
            generator: RTLFixtures.generator, dataBits: c.dataBits, timing: c.timing, bursts: bursts, beats: beats)
        #expect(!m.violation)
        #expect(m.readBeats == bursts * beats, "\(c.name)")
        #expect(m.firstBeatLatency == c.timing.readLatency, "\(c.name)")
        #expect(m.writeResponseLatency == c.timing.writeLatency, "\(c.name)")
        // (beats - 1) beats at NUM/DEN a cycle take (beats - 1) * DEN / NUM cycles, within one.
        let ideal = Double(m.readBeats - 1) * Double(c.timing.beatsDenominator) / Double(c.timing.beatsNumerator)
        #expect(abs(Double(m.readCycles) - ideal) <= 1, "\(c.name): \(m.readCycles) cycles for \(ideal)")
        let perCycle = Double(c.dataBits / 8) * Double(c.timing.beatsNumerator) / Double(c.timing.beatsDenominator)
        #expect(abs(m.readBytesPerCycle(dataBits: c.dataBits) - perCycle) / perCycle < 0.001, "\(c.name)")
    }

    /// The derivation on hand-worked figures.
    @Test func parametersFollowTheLatencyFileTheBandwidthModelAndTheClock() throws {
        // DDR4: 27.5 ns read, 25 ns write; 12.8 GB/s (one channel) at 500 MHz is 25.6 B a
        // cycle, 0.4 beats of 64 bytes.
        let dram = AXIMemoryParameters.derive(memory: MainMemory.all[8], latency: Self.latency, clockMHz: 500, dataBits: 512)
        #expect(dram == AXIMemoryParameters(readLatency: 14, writeLatency: 13, beatsNumerator: 2, beatsDenominator: 5))
        // The same memory on a 64-bit bus is faster than the bus: one beat a cycle.
        let narrow = AXIMemoryParameters.derive(memory: MainMemory.all[8], latency: Self.latency, clockMHz: 500, dataBits: 64)
        #expect(narrow == AXIMemoryParameters(readLatency: 14, writeLatency: 13, beatsNumerator: 1, beatsDenominator: 1, busLimited: true))
        // RRAM at 57.5 MHz: 10 ns is 0.575 cycles, at least one.
        let rram = AXIMemoryParameters.derive(memory: MainMemory.all[0], latency: Self.latency, clockMHz: 57.5, dataBits: 32)
        #expect(rram.readLatency == 1 && rram.writeLatency == 1 && rram.busLimited)
        // A given bandwidth (a table's figure) overrides the model's.
        let given = AXIMemoryParameters.derive(
            memory: MainMemory.all[8], latency: Self.latency, clockMHz: 1000, dataBits: 128, bandwidthGBs: 4)
        #expect(given.beatsNumerator == 1 && given.beatsDenominator == 4)
        #expect(Self.latency.figure(.dram).citation.contains("JESD79-4"))
    }

    @Test func badLatencyFilesAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("latency-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/m.json"
        try #"{"main_memory_latency": {"dram": {"read_ns": 1, "write_ns": 1, "citation": ""}}}"#.write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CostModelError.unreadableLatency(path: path, reason: "missing field 'main_memory_latency.rram'")) {
            try MainMemoryLatency.load(path: path)
        }
        try
            #"{"main_memory_latency": {"rram": {"read_ns": 1, "write_ns": 1, "citation": ""}, "dram": {"read_ns": 0, "write_ns": 1, "citation": ""}, "hbm": {"read_ns": 1, "write_ns": 1, "citation": ""}}}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CostModelError.unreadableLatency(path: path, reason: "main_memory_latency.dram.read_ns must be a number > 0")) {
            try MainMemoryLatency.load(path: path)
        }
        #expect(
            CostModelError.unreadableLatency(path: "p", reason: "r").description == "cannot read the main-memory latencies in p: r")
    }
}
