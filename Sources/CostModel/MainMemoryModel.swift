import DesignSpace

/// One main memory of the space under a datasheet and a mode: how long a sequential transfer
/// takes, and how many of its bursts hit an open row.
///
/// The interface (pins x data rate) belongs to the memory, not to a channel: the
/// [banks, ranks, channels] organisation splits the pins into `channels` channels of
/// interfaceBits / channels pins, each holding that many pins' worth of devices in lockstep,
/// so a channel's row is the devices' rows side by side and its burst is burst_length
/// transfers of its width. Consecutive bursts of a transfer go to consecutive channels
/// (channel bits just above the burst offset), then along a row, then to the next bank, then
/// to the next rank (row : rank : bank : column : channel). A transfer of S bytes thus keeps
/// min(channels, bursts) channels busy, and each channel walks its rows in order:
///
/// - Its first burst waits tRCD + tCL (the row is opened, then read).
/// - Every further row is a miss (one activation); the others' bursts are row hits. With at
///   least two banks per channel the next row opens in another bank while the current one
///   streams, so only the part of tRP + tRCD longer than a row's streaming time shows; with
///   one bank all of it does.
/// - Moving to the next rank costs tRTRS once every `banks` rows.
/// - A rank takes at most four activates per tFAW, which bounds how short a row can be.
/// - Refresh blocks a channel for tRFC every tREFI: times are stretched by
///   1 / (1 - tRFC / tREFI).
///
/// The busiest channel moves ceil(bursts / channels) bursts at its share of the peak, so
/// no transfer ever runs faster than the interface's peak bandwidth.
package struct MainMemoryModel: Sendable {
    package let memory: MainMemory
    /// `datasheet` or the name of the mode that set the peak.
    package let mode: String
    /// Peak bandwidth of the whole interface in GB/s.
    package let peakGBs: Double
    /// Bytes one channel moves per nanosecond at its peak.
    package let channelBytesPerNS: Double
    /// Bytes of one burst on one channel, and bursts in one row of a channel.
    package let burstBytes: Double
    package let burstsPerRow: Double
    /// Nanoseconds before a transfer's first data: tRCD + tCL.
    package let firstAccessNS: Double
    /// Nanoseconds each row after a channel's first adds beyond streaming its data.
    package let rowSwitchNS: Double
    /// 1 / (1 - tRFC / tREFI).
    package let refreshStretch: Double

    init(memory: MainMemory, datasheet d: MainMemoryDatasheet, mode: String, peakGBs modePeak: Double?) {
        self.memory = memory
        self.mode = mode
        let peak = modePeak ?? d.peakGBs
        peakGBs = peak
        // A mode keeps the pins and changes the data rate; the array timings stay in ns.
        let channelBits = Double(d.interfaceBits / memory.channels)
        channelBytesPerNS = peak / Double(memory.channels)  // GB/s is bytes per ns
        burstBytes = Double(d.burstLength) * channelBits / 8
        let rowBytes = Double(d.rowBytes) * channelBits / Double(d.deviceWidthBits)
        burstsPerRow = rowBytes / burstBytes
        let ns = { (cycles: Int) in Double(cycles) * d.tckNS }
        firstAccessNS = ns(d.trcdNCK) + ns(d.tclNCK)
        let rowStream = rowBytes / channelBytesPerNS
        let banksPerChannel = memory.banks * memory.ranks
        var exposed = banksPerChannel >= 2 ? max(0, ns(d.trpNCK) + ns(d.trcdNCK) - rowStream) : ns(d.trpNCK) + ns(d.trcdNCK)
        if memory.ranks > 1 { exposed += ns(d.trtrsNCK) / Double(memory.banks) }
        // Four activates per tFAW in one rank: rows of one rank come in runs of `banks`, so
        // with shorter runs the ranks share the activates.
        let rankShare = memory.ranks > 1 && memory.banks < 4 ? Double(memory.ranks) : 1
        let activateFloor = max(0, ns(d.tfawNCK) / (4 * rankShare) - rowStream)
        rowSwitchNS = max(exposed, activateFloor)
        refreshStretch = d.trefiNS > 0 ? 1 / (1 - d.trfcNS / d.trefiNS) : 1
    }

    /// One sequential transfer of `bytes` (none for zero bytes).
    package func transfer(_ bytes: Double) -> MemoryTransfer {
        guard bytes > 0 else { return MemoryTransfer() }
        let bursts = (bytes / burstBytes).rounded(.up)
        let engaged = min(Double(memory.channels), bursts)
        let most = (bursts / engaged).rounded(.up)  // bursts of the busiest channel
        let full = bursts - engaged * (most - 1)  // channels that take `most` bursts
        let rowsMost = (most / burstsPerRow).rounded(.up)
        let rowsFewer = ((most - 1) / burstsPerRow).rounded(.up)
        let activations = full * rowsMost + (engaged - full) * rowsFewer
        let busy = firstAccessNS + most * burstBytes / channelBytesPerNS + (rowsMost - 1) * rowSwitchNS
        return MemoryTransfer(nanoseconds: busy * refreshStretch, bursts: bursts, activations: activations)
    }

    /// The sustained bandwidth of one transfer of `bytes`, in GB/s.
    package func bandwidthGBs(_ bytes: Double) -> Double {
        let t = transfer(bytes)
        return t.nanoseconds > 0 ? bytes / t.nanoseconds : 0
    }
}
