import DesignSpace

/// Sustained main-memory bandwidth per configuration, with its sources. Users who have
/// better figures edit the `main_memory` entries of a table.
package enum MemoryBandwidthModel {
    /// GB/s for a configuration.
    ///
    /// - DRAM: 12.8 GB/s per channel (DDR4-1600, 64-bit bus, JEDEC JESD79-4); two channels
    ///   give AccelTran's low-bandwidth 25.6 GB/s.
    /// - HBM: 32 GB/s per channel (HBM2 at 2 Gb/s per pin on a 128-bit channel, JEDEC JESD235).
    /// - Monolithic-3D RRAM: 256 GB/s per channel (AccelTran's high-bandwidth figure for its
    ///   one-channel [32, 2, 1] configuration), scaling with the channel count.
    package static func bandwidthGBs(_ memory: MainMemory) -> Double {
        switch memory.kind {
        case .dram: 12.8 * Double(memory.channels)
        case .hbm: 32 * Double(memory.channels)
        case .rram: 256 * Double(memory.channels)
        }
    }

    package static func citation(_ memory: MainMemory) -> String {
        switch memory.kind {
        case .dram: "12.8 GB/s per channel, DDR4-1600 (JEDEC JESD79-4)"
        case .hbm: "32 GB/s per channel, HBM2 (JEDEC JESD235)"
        case .rram: "256 GB/s per channel, AccelTran monolithic-3D RRAM"
        }
    }
}
