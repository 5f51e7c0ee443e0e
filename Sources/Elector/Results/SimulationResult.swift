/// Everything one simulation measured. Evaluation returns this and never prints.
public struct SimulationResult: Codable, Sendable {
    /// `cycle` (event-driven, tile level) or `fast` (analytic, closed form per layer).
    public var mode: String
    public var workload: Workload
    public var table: String
    public var clockMHz: Double
    public var dynaProp: DynaPropSetting
    public var cycles: Int
    public var seconds: Double
    /// Dynamic energy in joules by module class.
    public var dynamicEnergyJ: ModuleClassFigures
    /// Leakage energy in joules by module class.
    public var leakageEnergyJ: ModuleClassFigures
    /// Area in mm^2 by module class.
    public var areaMM2: ModuleClassFigures
    /// Busy fraction of each compute class.
    public var utilisation: UnitClassFigures
    /// Cycles in which no compute unit worked, by cause, plus `compute`: cycles operations
    /// waited for busy units.
    public var stalls: StallBreakdown
    /// Peak occupancy of each buffer in bytes (the cycle-level mode only: the fast mode
    /// does not track occupancy over time).
    public var peakBufferBytes: BufferOccupancy?
    /// Bytes moved to and from main memory, and the part of it that was activation spill.
    public var mainMemoryBytes: Double
    public var spilledBytes: Double
    public var effectualMACs: Double
    public var denseMACs: Double
    public var operations: Int
    public var tiles: Int
    public var footprint: MemoryFootprint
    /// Every operation's share of the run, when the request asked for it (cycle mode).
    public var operationBreakdown: [OperationBreakdown]?
    /// Every layer's share of the run, when the request asked for it (cycle mode).
    public var layerBreakdown: [LayerBreakdown]?

    enum CodingKeys: String, CodingKey {
        case mode, workload, table, clockMHz = "clock_mhz", dynaProp = "dynaprop", cycles, seconds
        case dynamicEnergyJ = "dynamic_energy_j", leakageEnergyJ = "leakage_energy_j", areaMM2 = "area_mm2"
        case utilisation, stalls, peakBufferBytes = "peak_buffer_bytes", mainMemoryBytes = "main_memory_bytes"
        case spilledBytes = "spilled_bytes", effectualMACs = "effectual_macs", denseMACs = "dense_macs", operations, tiles
        case footprint, operationBreakdown = "operation_breakdown", layerBreakdown = "layer_breakdown"
    }

    public var totalDynamicEnergyJ: Double { dynamicEnergyJ.total }
    public var totalLeakageEnergyJ: Double { leakageEnergyJ.total }
    public var totalAreaMM2: Double { areaMM2.total }
}
