import CostModel
import DesignSpace
import Elector
import Foundation
import ProjectLayout
import RTLSim
import Testing

/// The AXI memory model delivers the latency and bandwidth its parameters say, and the
/// parameters follow from the simulator's main-memory model (data/main-memory.json) and the clock.
@Suite(.serialized) struct AXIMemoryModelTests {
    static func model(_ index: Int) -> MainMemoryModel { MainMemorySetting.standard.model(for: MainMemory.all[index]) }

    /// Parameters derived for real memory types, and one hand-made fractional rate.
    static let cases: [(name: String, dataBits: Int, timing: AXIMemoryParameters)] = [
        ("dram_32_2_1 at 500 MHz", 512, AXIMemoryParameters.derive(model: model(8), clockMHz: 500, dataBits: 512)),
        ("hbm_32_1_4 at 500 MHz", 512, AXIMemoryParameters.derive(model: model(10), clockMHz: 500, dataBits: 512)),
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
    @Test func parametersFollowTheMainMemoryModelAndTheClock() throws {
        // LPDDR3-1600 (tCK 1.25 ns): tRCD 15 + tCL 12 clocks is 33.75 ns, 16.9 cycles at 500 MHz.
        let dramModel = Self.model(8)
        let dram = AXIMemoryParameters.derive(model: dramModel, clockMHz: 500, dataBits: 512)
        #expect(dram.readLatency == 17 && dram.writeLatency == 17 && !dram.busLimited)
        // Its sustained bandwidth, as beats of 64 bytes per 2 ns cycle, to 1/1000 of a beat.
        let beats = dramModel.bandwidthGBs(AXIMemoryParameters.streamingTransferBytes) * 2 / 64
        #expect(abs(Double(dram.beatsNumerator) / Double(dram.beatsDenominator) - beats) <= 0.0005)
        // Never above the interface's peak: 25.6 GB/s is 0.8 beats a cycle here.
        #expect(Double(dram.beatsNumerator) / Double(dram.beatsDenominator) <= 0.8)
        // The same memory on a 64-bit bus is faster than the bus: one beat a cycle.
        let narrow = AXIMemoryParameters.derive(model: dramModel, clockMHz: 500, dataBits: 64)
        #expect(narrow == AXIMemoryParameters(readLatency: 17, writeLatency: 17, beatsNumerator: 1, beatsDenominator: 1, busLimited: true))
        // RRAM (tCK 2.5 ns, tRCD 10 + tCL 6): 40 ns is 2.3 cycles at 57.5 MHz, so 3.
        let rram = AXIMemoryParameters.derive(model: Self.model(0), clockMHz: 57.5, dataBits: 32)
        #expect(rram.readLatency == 3 && rram.writeLatency == 3 && rram.busLimited)
        // HBM2 (tCK 1 ns, tRCD 14 + tCL 14): 28 ns, 14 cycles at 500 MHz.
        #expect(AXIMemoryParameters.derive(model: Self.model(10), clockMHz: 500, dataBits: 512).readLatency == 14)
    }

    /// The program model's DMA timing on the AXI path: a 640-byte buffer word is 80 beats of
    /// a 64-bit bus at one beat a cycle, and 10 beats of a 512-bit bus at 0.909 beats a
    /// cycle, 11.0 cycles.
    @Test func dmaTimingCountsEachWordsBeatsAtTheMemorysRate() {
        let full = AXIMemoryParameters(readLatency: 12, writeLatency: 12, beatsNumerator: 1, beatsDenominator: 1, busLimited: true)
        #expect(full.dmaTiming(wordBits: 5120, dataBits: 64) == DMATiming(startLatency: 12, cyclesPerWord: 80))
        let slow = AXIMemoryParameters(readLatency: 15, writeLatency: 15, beatsNumerator: 909, beatsDenominator: 1000)
        #expect(slow.dmaTiming(wordBits: 5120, dataBits: 512) == DMATiming(startLatency: 15, cyclesPerWord: 11))
        // A word narrower than the bus still takes a beat.
        #expect(full.dmaTiming(wordBits: 40, dataBits: 128) == DMATiming(startLatency: 12, cyclesPerWord: 1))
    }
}
