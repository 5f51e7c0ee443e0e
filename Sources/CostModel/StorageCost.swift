/// Figures of an on-chip SRAM buffer, per megabyte of capacity.
public struct BufferCost: Codable, Hashable, Sendable {
    /// Area per MB in square micrometres.
    public var areaUM2PerMB: Double
    /// Energy of one 64-byte block access in nanojoules.
    public var accessEnergyNJ: Double
    /// Leakage power per MB in milliwatts.
    public var leakageMWPerMB: Double
    /// Bandwidth to the PEs in GB/s.
    public var bandwidthGBs: Double

    enum CodingKeys: String, CodingKey {
        case areaUM2PerMB = "area_um2_per_mb", accessEnergyNJ = "access_energy_nj_per_block"
        case leakageMWPerMB = "leakage_mw_per_mb", bandwidthGBs = "bandwidth_gb_s"
    }

    public init(areaUM2PerMB: Double, accessEnergyNJ: Double, leakageMWPerMB: Double, bandwidthGBs: Double) {
        self.areaUM2PerMB = areaUM2PerMB
        self.accessEnergyNJ = accessEnergyNJ
        self.leakageMWPerMB = leakageMWPerMB
        self.bandwidthGBs = bandwidthGBs
    }
}

/// Figures of one main-memory configuration.
public struct MemoryCost: Codable, Hashable, Sendable {
    /// Energy of one 64-byte block transfer in nanojoules.
    public var accessEnergyNJ: Double
    /// Sustained bandwidth in GB/s.
    public var bandwidthGBs: Double
    /// Where the figure comes from.
    public var source: String

    enum CodingKeys: String, CodingKey {
        case accessEnergyNJ = "access_energy_nj_per_block", bandwidthGBs = "bandwidth_gb_s", source
    }

    public init(accessEnergyNJ: Double, bandwidthGBs: Double, source: String) {
        self.accessEnergyNJ = accessEnergyNJ
        self.bandwidthGBs = bandwidthGBs
        self.source = source
    }
}
