/// Figures of an on-chip SRAM buffer, per megabyte of capacity.
package struct BufferCost: Codable, Hashable, Sendable {
    /// Area per MB in square micrometres.
    package var areaUM2PerMB: Double
    /// Energy of one 64-byte block access in nanojoules.
    package var accessEnergyNJ: Double
    /// Leakage power per MB in milliwatts.
    package var leakageMWPerMB: Double
    /// Bandwidth to the PEs in GB/s.
    package var bandwidthGBs: Double

    enum CodingKeys: String, CodingKey {
        case areaUM2PerMB = "area_um2_per_mb"
        case accessEnergyNJ = "access_energy_nj_per_block"
        case leakageMWPerMB = "leakage_mw_per_mb"
        case bandwidthGBs = "bandwidth_gb_s"
    }

    package init(areaUM2PerMB: Double, accessEnergyNJ: Double, leakageMWPerMB: Double, bandwidthGBs: Double) {
        self.areaUM2PerMB = areaUM2PerMB
        self.accessEnergyNJ = accessEnergyNJ
        self.leakageMWPerMB = leakageMWPerMB
        self.bandwidthGBs = bandwidthGBs
    }
}

/// Figures of one main-memory configuration.
package struct MemoryCost: Codable, Hashable, Sendable {
    /// Energy of one 64-byte block transfer in nanojoules.
    package var accessEnergyNJ: Double
    /// Peak bandwidth of the memory's interface in GB/s, for reference: the simulator
    /// models time and the sustained bandwidth from `data/main-memory.json`
    /// (`MainMemoryModel`), never from this entry.
    package var bandwidthGBs: Double
    /// Where the figure comes from.
    package var source: String

    enum CodingKeys: String, CodingKey {
        case accessEnergyNJ = "access_energy_nj_per_block"
        case bandwidthGBs = "bandwidth_gb_s"
        case source
    }

    package init(accessEnergyNJ: Double, bandwidthGBs: Double, source: String) {
        self.accessEnergyNJ = accessEnergyNJ
        self.bandwidthGBs = bandwidthGBs
        self.source = source
    }
}
