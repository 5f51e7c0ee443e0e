/// The datasheet figures of one main-memory type (`data/main-memory.json`, `types.<kind>`):
/// the interface of the whole memory, the array timings of one speed bin, the burst length
/// and the row size. Timings are in clock cycles of `tckNS`, as speed bins give them.
package struct MainMemoryDatasheet: Codable, Hashable, Sendable {
    /// The part the figures describe, and where each figure comes from.
    package var part: String
    package var citation: String
    /// Data pins of the whole memory; the organisation's channels share them.
    package var interfaceBits: Int
    /// Data pins of one device: a row belongs to one device, and a channel of w pins holds
    /// w / deviceWidthBits devices whose rows open together.
    package var deviceWidthBits: Int
    /// Transfers per second per pin, in millions.
    package var dataRateMTs: Double
    /// The memory clock's period in nanoseconds.
    package var tckNS: Double
    /// Activate to column command (row to column delay).
    package var trcdNCK: Int
    /// Column command to first data (CAS or read latency).
    package var tclNCK: Int
    /// Precharge (closing a row) to the next activate of that bank.
    package var trpNCK: Int
    /// The window in which one rank takes at most four activates.
    package var tfawNCK: Int
    /// Bus turnaround when consecutive accesses come from different ranks.
    package var trtrsNCK: Int
    /// Transfers per column access.
    package var burstLength: Int
    /// Bytes of one device's row (page).
    package var rowBytes: Int
    /// Refresh interval and the time one refresh blocks the channel; 0 for a memory that
    /// needs no refresh (RRAM).
    package var trefiNS: Double
    package var trfcNS: Double

    enum CodingKeys: String, CodingKey {
        case part, citation
        case interfaceBits = "interface_bits"
        case deviceWidthBits = "device_width_bits"
        case dataRateMTs = "data_rate_mt_s"
        case tckNS = "tck_ns"
        case trcdNCK = "trcd_nck"
        case tclNCK = "tcl_nck"
        case trpNCK = "trp_nck"
        case tfawNCK = "tfaw_nck"
        case trtrsNCK = "trtrs_nck"
        case burstLength = "burst_length"
        case rowBytes = "row_bytes"
        case trefiNS = "trefi_ns"
        case trfcNS = "trfc_ns"
    }

    /// Peak bandwidth of the whole interface in GB/s (1e9 bytes).
    package var peakGBs: Double { Double(interfaceBits) / 8 * dataRateMTs / 1000 }

    /// The first field that is out of range, named as in the file, with what it must be;
    /// nil when every field is usable.
    func problem() -> String? {
        let positiveInts: [(String, Int)] = [
            ("interface_bits", interfaceBits), ("device_width_bits", deviceWidthBits), ("trcd_nck", trcdNCK),
            ("tcl_nck", tclNCK), ("burst_length", burstLength), ("row_bytes", rowBytes),
        ]
        for (name, value) in positiveInts where value <= 0 { return "\(name) must be an integer > 0" }
        for (name, value) in [("trp_nck", trpNCK), ("tfaw_nck", tfawNCK), ("trtrs_nck", trtrsNCK)] where value < 0 {
            return "\(name) must be an integer >= 0"
        }
        for (name, value) in [("data_rate_mt_s", dataRateMTs), ("tck_ns", tckNS)] where !(value.isFinite && value > 0) {
            return "\(name) must be a number > 0"
        }
        for (name, value) in [("trefi_ns", trefiNS), ("trfc_ns", trfcNS)] where !(value.isFinite && value >= 0) {
            return "\(name) must be a number >= 0"
        }
        if trefiNS > 0 && trfcNS >= trefiNS { return "trfc_ns must be below trefi_ns (refresh would block the memory)" }
        if trefiNS == 0 && trfcNS > 0 { return "trfc_ns must be 0 when trefi_ns is 0 (no refresh)" }
        if interfaceBits % deviceWidthBits != 0 { return "interface_bits must be a multiple of device_width_bits" }
        if (rowBytes * 8) % (burstLength * deviceWidthBits) != 0 {
            return "row_bytes must hold a whole number of bursts (burst_length x device_width_bits / 8 bytes)"
        }
        return nil
    }
}
