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

    /// The transfer whose sustained bandwidth the model streams at: 64 KiB, the order of one
    /// tile's DMA transfer, long enough that its rows stream as the datasheet model says.
    package static let streamingTransferBytes = 65_536.0

    /// Parameters for a main memory, timed by the same datasheet model as the simulator
    /// (`MainMemoryModel`), behind an AXI bus of `dataBits` at `clockMHz`:
    /// - the read latency is the model's first access, tRCD + tCL (a closed row is opened,
    ///   then read), rounded up to whole cycles and at least one;
    /// - the write acknowledgement takes the same time: the datasheets give no write latency
    ///   (tCWL is within a few clocks of tCL in the cited speed bins);
    /// - the bandwidth is the model's sustained bandwidth of a `streamingTransferBytes`
    ///   transfer, as beats per cycle, at most one (then the bus, not the memory, limits).
    package static func derive(model: MainMemoryModel, clockMHz: Double, dataBits: Int) -> AXIMemoryParameters {
        func cycles(_ ns: Double) -> Int { max(1, Int((ns * clockMHz / 1000).rounded(.up))) }
        let latency = cycles(model.firstAccessNS)
        let bytesPerCycle = model.bandwidthGBs(streamingTransferBytes) * 1e9 / (clockMHz * 1e6)
        let beats = bytesPerCycle / Double(dataBits / 8)
        let d = bandwidthResolution
        let n = min(d, max(1, Int((beats * Double(d)).rounded())))
        let g = gcd(n, d)
        return AXIMemoryParameters(
            readLatency: latency, writeLatency: latency, beatsNumerator: n / g, beatsDenominator: d / g, busLimited: beats >= 1)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
