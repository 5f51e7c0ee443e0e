/// Everything one simulation measured. Evaluation returns this and never prints.
package struct SimulationResult: Codable, Sendable {
    /// `cycle` (event-driven, tile level) or `fast` (analytic, closed form per layer).
    package var mode: String
    package var workload: Workload
    package var table: String
    package var clockMHz: Double
    package var dynaProp: DynaPropSetting
    package var cycles: Int
    package var seconds: Double
    /// Dynamic energy in joules by module class.
    package var dynamicEnergyJ: ModuleClassFigures
    /// Leakage energy in joules by module class.
    package var leakageEnergyJ: ModuleClassFigures
    /// Area in mm^2 by module class.
    package var areaMM2: ModuleClassFigures
    /// Busy fraction of each compute class.
    package var utilisation: UnitClassFigures
    /// Cycles in which no compute unit worked, by cause, plus `compute`: cycles operations
    /// waited for busy units.
    package var stalls: StallBreakdown
    /// Peak occupancy of each buffer in bytes (the cycle-level mode only: the fast mode
    /// does not track occupancy over time).
    package var peakBufferBytes: BufferOccupancy?
    /// Bytes moved to and from main memory, and the part of it that was activation spill.
    package var mainMemoryBytes: Double
    package var spilledBytes: Double
    /// The main memory's bandwidth and row-hit rate in this run.
    package var mainMemory: MainMemoryFigures
    /// The power-gating setting the leakage was computed under.
    package var powerGating: PowerGating
    package var effectualMACs: Double
    package var denseMACs: Double
    package var operations: Int
    package var tiles: Int
    package var footprint: MemoryFootprint
    /// Every operation's share of the run, when the request asked for it (cycle mode).
    package var operationBreakdown: [OperationBreakdown]?
    /// Every layer's share of the run, when the request asked for it (cycle mode).
    package var layerBreakdown: [LayerBreakdown]?

    enum CodingKeys: String, CodingKey {
        case mode, workload, table
        case clockMHz = "clock_mhz"
        case dynaProp = "dynaprop"
        case cycles, seconds
        case dynamicEnergyJ = "dynamic_energy_j"
        case leakageEnergyJ = "leakage_energy_j"
        case areaMM2 = "area_mm2"
        case utilisation, stalls
        case peakBufferBytes = "peak_buffer_bytes"
        case mainMemoryBytes = "main_memory_bytes"
        case spilledBytes = "spilled_bytes"
        case mainMemory = "main_memory"
        case powerGating = "power_gating"
        case effectualMACs = "effectual_macs"
        case denseMACs = "dense_macs"
        case operations, tiles
        case footprint
        case operationBreakdown = "operation_breakdown"
        case layerBreakdown = "layer_breakdown"
    }

    package var totalDynamicEnergyJ: Double { dynamicEnergyJ.total }
    package var totalLeakageEnergyJ: Double { leakageEnergyJ.total }
    package var totalAreaMM2: Double { areaMM2.total }
}
