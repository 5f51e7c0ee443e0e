/// Everything one simulation measured. Evaluation returns this and never prints.
public struct SimulationResult: Codable, Sendable {
    /// `cycle` (event-driven, tile level) or `fast` (analytic, operation level).
    public var mode: String
    public var workload: Workload
    public var table: String
    public var clockMHz: Double
    public var dynaProp: DynaPropSetting
    public var cycles: Int
    public var seconds: Double
    /// Dynamic energy in joules by module class.
    public var dynamicEnergyJ: [String: Double]
    /// Leakage energy in joules by module class.
    public var leakageEnergyJ: [String: Double]
    /// Area in mm^2 by module class.
    public var areaMM2: [String: Double]
    /// Busy fraction of each compute class.
    public var utilisation: [String: Double]
    /// Cycles in which no compute unit worked, by cause, plus `compute`: cycles operations
    /// waited for busy units.
    public var stalls: [String: Int]
    /// Peak occupancy of each buffer in bytes.
    public var peakBufferBytes: [String: Double]
    /// Bytes moved to and from main memory, and the part of it that was activation spill.
    public var mainMemoryBytes: Double
    public var spilledBytes: Double
    public var effectualMACs: Double
    public var denseMACs: Double
    public var operations: Int
    public var tiles: Int
    public var footprint: MemoryFootprint

    // Summed in key order: a dictionary's iteration order varies between instances, and a
    // different order changes the last bits of the sum, which would break reproducibility.
    public var totalDynamicEnergyJ: Double { Self.sum(dynamicEnergyJ) }
    public var totalLeakageEnergyJ: Double { Self.sum(leakageEnergyJ) }
    public var totalAreaMM2: Double { Self.sum(areaMM2) }

    static func sum(_ d: [String: Double]) -> Double {
        d.keys.sorted().reduce(0) { $0 + d[$1]! }
    }
}
