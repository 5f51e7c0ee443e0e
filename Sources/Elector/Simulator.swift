import CostModel
import DesignSpace

/// ELECTOR: simulates a transformer workload on an accelerator and returns typed results.
public enum Simulator {
    /// Runs one simulation.
    public static func simulate(_ request: SimulationRequest) -> SimulationResult {
        let hardware = HardwareInstance(
            config: request.accelerator, table: request.table, acceltranComposition: request.acceltranComposition)
        let mapper = Mapper(
            model: request.model, batchSize: request.accelerator.batchSize, sequenceLength: request.sequenceLength,
            workload: request.workload, optimizer: request.optimizer)
        let operations = mapper.operations()
        let tiler = Tiler(hardware: hardware, dynaProp: request.dynaProp)
        let accounting = EnergyAccounting(hardware: hardware)

        let cycles: Int
        let activity: EnergyAccounting.Activity
        let stalls: [String: Int]
        let peak: [String: Double]
        let spilled: Double
        let tiles: Int
        let effectualMACs: Double
        switch request.fidelity {
        case .cycle:
            let tiled = operations.map(tiler.tile)
            let outcome = CycleSimulator(hardware: hardware, tiled: tiled).run()
            (cycles, activity, stalls, peak, spilled, tiles) =
                (outcome.cycles, outcome.activity, outcome.stalls, outcome.peakBuffer, outcome.spilled, outcome.tiles)
            effectualMACs = tiled.reduce(0) { $0 + $1.effectualMACs }
        case .fast:
            let outcome = FastEstimator(hardware: hardware, operations: operations, tiler: tiler).run()
            (cycles, activity, stalls, spilled, tiles, effectualMACs) =
                (outcome.cycles, outcome.activity, outcome.stalls, outcome.spilled, outcome.tiles, outcome.effectualMACs)
            peak = [:]
        }
        var utilisation: [String: Double] = [:]
        for unit in MappedOperation.Unit.allCases {
            let capacity = Double(hardware.units(unit)) * Double(max(cycles, 1))
            utilisation[unit.rawValue] = (activity.busyCycles[unit] ?? 0) / capacity
        }
        return SimulationResult(
            mode: request.fidelity.rawValue, workload: request.workload, table: request.table.name,
            clockMHz: request.table.clockMHz, dynaProp: request.dynaProp, cycles: cycles,
            seconds: Double(cycles) * hardware.cycleSeconds, dynamicEnergyJ: accounting.dynamicJ(activity),
            leakageEnergyJ: accounting.leakageJ(cycles: Double(cycles)), areaMM2: hardware.areaMM2,
            utilisation: utilisation, stalls: stalls, peakBufferBytes: peak, mainMemoryBytes: activity.mainMemoryBytes,
            spilledBytes: spilled, effectualMACs: effectualMACs,
            denseMACs: Double(operations.reduce(0) { $0 + $1.denseMACs }), operations: operations.count, tiles: tiles,
            footprint: MemoryFootprint.of(
                model: request.model, operations: operations, wordBits: request.table.wordBits, dynaProp: request.dynaProp))
    }
}
