import CostModel
import DesignSpace

/// The timing parameters of the AXI memory model (templates/axi_memory_model.sv.mustache) for
/// one main-memory type at one design clock: READ_LATENCY and WRITE_LATENCY in cycles and the
/// bandwidth as BW_NUM / BW_DEN beats per cycle.
package struct AXIMemoryParameters: Sendable, Equatable {
    package let readLatency: Int
    package let writeLatency: Int
    package let beatsNumerator: Int
    package let beatsDenominator: Int
    /// True when the memory is faster than one beat a cycle: the bus, not the memory, limits.
    package let busLimited: Bool

    package init(readLatency: Int, writeLatency: Int, beatsNumerator: Int, beatsDenominator: Int, busLimited: Bool = false) {
        self.readLatency = readLatency
        self.writeLatency = writeLatency
        self.beatsNumerator = beatsNumerator
        self.beatsDenominator = beatsDenominator
        self.busLimited = busLimited
    }

    /// Denominator of the bandwidth ratio: the bandwidth is kept to 1/1000 of a beat per cycle.
    package static let bandwidthResolution = 1000

    /// Parameters for `memory` behind an AXI bus of `dataBits` at `clockMHz`: latencies from
    /// data/memory-models.json rounded up to whole cycles (at least one), and the bandwidth the
    /// simulator uses (`bandwidthGBs`, by default `MemoryBandwidthModel`'s, which the hardware
    /// tables carry) as beats per cycle, at most one.
    package static func derive(
        memory: MainMemory, latency: MainMemoryLatency, clockMHz: Double, dataBits: Int,
        bandwidthGBs: Double? = nil
    ) -> AXIMemoryParameters {
        let figure = latency.figure(memory.kind)
        func cycles(_ ns: Double) -> Int { max(1, Int((ns * clockMHz / 1000).rounded(.up))) }
        let bytesPerCycle = (bandwidthGBs ?? MemoryBandwidthModel.bandwidthGBs(memory)) * 1e9 / (clockMHz * 1e6)
        let beats = bytesPerCycle / Double(dataBits / 8)
        let d = bandwidthResolution
        let n = min(d, max(1, Int((beats * Double(d)).rounded())))
        let g = gcd(n, d)
        return AXIMemoryParameters(
            readLatency: cycles(figure.readNS), writeLatency: cycles(figure.writeNS), beatsNumerator: n / g, beatsDenominator: d / g,
            busLimited: beats >= 1)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
