/// What main memory did in one run: which memory under which mode, its interface's peak,
/// the bandwidth its transfers sustained and the share of bursts that found their row open.
package struct MainMemoryFigures: Codable, Sendable, Equatable {
    /// `rram`, `dram` or `hbm`.
    package var type: String
    /// [banks, ranks, channels].
    package var organisation: [Int]
    /// `datasheet` or the interface mode the request chose.
    package var mode: String
    /// Peak bandwidth of the whole interface in GB/s.
    package var peakGBs: Double
    /// Bytes moved over the time the transfers took, in GB/s (at most `peakGBs`); 0 when
    /// nothing was moved.
    package var sustainedGBs: Double
    /// Bursts that hit an open row over all bursts; 0 when nothing was moved.
    package var rowHitRate: Double
    /// Transfer time over the run's time (transfers overlap compute, so this is the
    /// memory's busy share, not a stall share).
    package var busyFraction: Double

    package init(
        type: String, organisation: [Int], mode: String, peakGBs: Double, sustainedGBs: Double, rowHitRate: Double,
        busyFraction: Double
    ) {
        self.type = type
        self.organisation = organisation
        self.mode = mode
        self.peakGBs = peakGBs
        self.sustainedGBs = sustainedGBs
        self.rowHitRate = rowHitRate
        self.busyFraction = busyFraction
    }

    enum CodingKeys: String, CodingKey {
        case type, organisation, mode
        case peakGBs = "peak_gb_s"
        case sustainedGBs = "sustained_gb_s"
        case rowHitRate = "row_hit_rate"
        case busyFraction = "busy_fraction"
    }
}
