/// One layer's share of a cycle-level run, gathered from its operations (the embedding is
/// layer 0). Layers overlap in time where the schedule lets them, so spans need not add up
/// to the run's cycles.
package struct LayerBreakdown: Codable, Sendable, Equatable {
    package var layer: Int
    package var operations: Int
    /// Earliest start and latest completion of its operations, in cycles.
    package var startCycle: Int
    package var finishCycle: Int
    /// Busy unit-cycles of its operations by unit class.
    package var busyUnitCycles: UnitClassFigures
    /// MAC-lane busy cycles over (MAC lanes x span).
    package var macLaneUtilisation: Double
    package var effectualMACs: Double
    package var mainMemoryBytes: Double
    /// Dynamic energy of its operations (see `OperationBreakdown`).
    package var dynamicEnergyJ: Double

    enum CodingKeys: String, CodingKey {
        case layer, operations
        case startCycle = "start_cycle"
        case finishCycle = "finish_cycle"
        case busyUnitCycles = "busy_unit_cycles"
        case macLaneUtilisation = "mac_lane_utilisation"
        case effectualMACs = "effectual_macs"
        case mainMemoryBytes = "main_memory_bytes"
        case dynamicEnergyJ = "dynamic_energy_j"
    }

    package var spanCycles: Int { finishCycle - startCycle }

    /// The layers of `operations`, in layer order; `macLanes` is the chip's MAC-lane count.
    package static func of(_ operations: [OperationBreakdown], macLanes: Int) -> [LayerBreakdown] {
        var layers: [Int: LayerBreakdown] = [:]
        for op in operations {
            var l =
                layers[op.layer]
                ?? LayerBreakdown(
                    layer: op.layer, operations: 0, startCycle: op.startCycle, finishCycle: op.finishCycle,
                    busyUnitCycles: UnitClassFigures(), macLaneUtilisation: 0, effectualMACs: 0, mainMemoryBytes: 0, dynamicEnergyJ: 0)
            l.operations += 1
            l.startCycle = min(l.startCycle, op.startCycle)
            l.finishCycle = max(l.finishCycle, op.finishCycle)
            l.busyUnitCycles[op.unit] += op.busyUnitCycles
            l.effectualMACs += op.effectualMACs
            l.mainMemoryBytes += op.mainMemoryBytes
            l.dynamicEnergyJ += op.dynamicEnergyJ
            layers[op.layer] = l
        }
        return layers.keys.sorted().map { key in
            var l = layers[key]!
            l.macLaneUtilisation = l.busyUnitCycles.macLanes / (Double(macLanes) * Double(max(l.spanCycles, 1)))
            return l
        }
    }
}
