import CostModel
import DesignSpace

/// ELECTOR: simulates a transformer workload on an accelerator and returns typed results.
package enum Simulator {
    /// Runs one simulation.
    package static func simulate(_ request: SimulationRequest) -> SimulationResult {
        let hardware = HardwareInstance(
            config: request.accelerator, table: request.table, memory: request.memory,
            acceltranComposition: request.acceltranComposition)
        let tiler = Tiler(hardware: hardware, dynaProp: request.dynaProp)
        let plans = ContractionPlans.hardwareAware(
            request.model, tiler: tiler, batchSize: request.accelerator.batchSize, sequenceLength: request.sequenceLength)
        let accounting = EnergyAccounting(hardware: hardware)

        let cycles: Int
        let activity: EnergyAccounting.Activity
        let stalls: StallBreakdown
        let peak: BufferOccupancy?
        let spilled: Double
        let tiles: Int
        let effectualMACs: Double
        let denseMACs: Double
        let operationCount: Int
        let footprint: MemoryFootprint
        var operationBreakdown: [OperationBreakdown]?
        let intervals: [BusyInterval]
        let gated = request.powerGating != .off
        let wordBits = request.table.wordBits
        switch request.fidelity {
        case .cycle:
            let operations = Mapper(
                model: request.model, batchSize: request.accelerator.batchSize, sequenceLength: request.sequenceLength,
                workload: request.workload, optimizer: request.optimizer, plans: plans
            ).operations()
            let tiled = operations.map(tiler.tile)
            let outcome = CycleSimulator(
                hardware: hardware, tiled: tiled, traceOperations: request.breakdown != nil, recordIntervals: gated
            ).run()
            intervals = outcome.intervals
            if request.breakdown != nil {
                operationBreakdown = zip(tiled, outcome.traces).map { t, trace in
                    let span = Double(max(trace.finish - trace.start, 1))
                    let busy = trace.activity.busyCycles[t.operation.unit]
                    return OperationBreakdown(
                        name: t.operation.name, layer: t.operation.layer, phase: t.operation.phase, unit: t.operation.unit,
                        startCycle: trace.start, finishCycle: trace.finish, busyUnitCycles: busy,
                        utilisation: busy / (Double(hardware.units(t.operation.unit)) * span), effectualMACs: t.cost.effectualMACs,
                        denseMACs: t.cost.denseMACs, mainMemoryBytes: trace.activity.mainMemoryBytes,
                        dynamicEnergyJ: accounting.dynamicJ(trace.activity).total)
                }
            }
            (cycles, activity, stalls, peak, spilled, tiles) =
                (outcome.cycles, outcome.activity, outcome.stalls, outcome.peakBuffer, outcome.spilled, outcome.tiles)
            effectualMACs = tiled.reduce(0) { $0 + $1.cost.effectualMACs }
            denseMACs = Double(operations.reduce(0) { $0 + $1.denseMACs })
            operationCount = operations.count
            footprint = MemoryFootprint.of(model: request.model, operations: operations, wordBits: wordBits, dynaProp: request.dynaProp)
        case .fast:
            let outcome = FastEstimator(
                hardware: hardware, tiler: tiler, model: request.model, batchSize: request.accelerator.batchSize,
                sequenceLength: request.sequenceLength, workload: request.workload, optimizer: request.optimizer,
                recordIntervals: gated, plans: plans
            ).run()
            intervals = outcome.intervals
            (cycles, activity, stalls, spilled, tiles, effectualMACs, denseMACs, operationCount) =
                (
                    outcome.cycles, outcome.activity, outcome.stalls, outcome.spilled, outcome.tiles, outcome.effectualMACs,
                    outcome.denseMACs, outcome.operations
                )
            peak = nil
            footprint = MemoryFootprint.of(
                model: request.model, largestLayerValues: outcome.largestLayerValues, activationValues: outcome.activationValues,
                wordBits: wordBits, dynaProp: request.dynaProp)
        }
        // Spelled out rather than a loop over `Unit.allCases`, which builds an array per call.
        func busy(_ unit: MappedOperation.Unit) -> Double {
            activity.busyCycles[unit] / (Double(hardware.units(unit)) * Double(max(cycles, 1)))
        }
        var utilisation = UnitClassFigures()
        utilisation.macLanes = busy(.macLane)
        utilisation.softmax = busy(.softmax)
        utilisation.layerNorm = busy(.layerNorm)
        let powered = PoweredFractions.of(intervals, cycles: Double(cycles), gating: request.powerGating, hardware: hardware)
        let memory = hardware.memory
        let moved = activity.memory
        let mainMemory = MainMemoryFigures(
            type: memory.memory.kind.rawValue, organisation: [memory.memory.banks, memory.memory.ranks, memory.memory.channels],
            mode: memory.mode, peakGBs: memory.peakGBs,
            sustainedGBs: moved.nanoseconds > 0 ? activity.mainMemoryBytes / moved.nanoseconds : 0,
            rowHitRate: moved.bursts > 0 ? moved.rowHits / moved.bursts : 0,
            busyFraction: cycles > 0 ? hardware.cycles(moved) / Double(cycles) : 0)
        return SimulationResult(
            mode: request.fidelity.rawValue, workload: request.workload, table: request.table.name,
            clockMHz: request.table.clockMHz, dynaProp: request.dynaProp, cycles: cycles,
            seconds: Double(cycles) * hardware.cycleSeconds, dynamicEnergyJ: accounting.dynamicJ(activity),
            leakageEnergyJ: accounting.leakageJ(cycles: Double(cycles), powered: powered), areaMM2: hardware.areaMM2,
            utilisation: utilisation, stalls: stalls, peakBufferBytes: peak, mainMemoryBytes: activity.mainMemoryBytes,
            spilledBytes: spilled, mainMemory: mainMemory, powerGating: request.powerGating, effectualMACs: effectualMACs,
            denseMACs: denseMACs, operations: operationCount, tiles: tiles,
            footprint: footprint,
            operationBreakdown: request.breakdown == .operation ? operationBreakdown : nil,
            layerBreakdown: request.breakdown == .layer
                ? operationBreakdown.map { LayerBreakdown.of($0, macLanes: hardware.units(.macLane)) } : nil)
    }
}
