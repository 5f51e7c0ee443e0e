/// What one operation of a cycle-level run took: when it ran, how much unit time and
/// traffic it used, and the dynamic energy of that activity.
///
/// Dynamic energy counts the operation's own units, sparsity path, buffers and main-memory
/// traffic; the PE control's energy and all leakage are chip-wide and stay in the run's
/// totals, so operations' energies sum to the total less those.
package struct OperationBreakdown: Codable, Sendable, Equatable {
    /// Readable name, e.g. `layer1.head2.sa_sdp.scores`.
    package var name: String
    /// 0 for the embedding, 1-based for encoder layers.
    package var layer: Int
    package var phase: MappedOperation.Phase
    package var unit: MappedOperation.Unit
    /// First tile's start and the operation's completion (results written), in cycles.
    package var startCycle: Int
    package var finishCycle: Int
    /// Unit-cycles its tiles occupied, summed over units.
    package var busyUnitCycles: Double
    /// Busy unit-cycles over (units of its class x its span).
    package var utilisation: Double
    package var effectualMACs: Double
    package var denseMACs: Double
    package var mainMemoryBytes: Double
    package var dynamicEnergyJ: Double

    enum CodingKeys: String, CodingKey {
        case name, layer, phase, unit
        case startCycle = "start_cycle"
        case finishCycle = "finish_cycle"
        case busyUnitCycles = "busy_unit_cycles"
        case utilisation
        case effectualMACs = "effectual_macs"
        case denseMACs = "dense_macs"
        case mainMemoryBytes = "main_memory_bytes"
        case dynamicEnergyJ = "dynamic_energy_j"
    }

    /// Cycles from the first tile's start to completion.
    package var spanCycles: Int { finishCycle - startCycle }
}
