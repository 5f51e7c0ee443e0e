import DesignSpace

@testable import Elector

/// The fast mode's model evaluated the long way, as a test oracle: over every operation the
/// mapper emits, with levels taken from the operations' real dependencies and each result
/// freed after its real last reader. The closed-form walk (`FastEstimator`) must agree.
struct OperationLevelModel {
    let hardware: HardwareInstance
    let operations: [MappedOperation]
    let tiler: Tiler

    struct Figures {
        var cycles: Int
        var activity: EnergyAccounting.Activity
        var spilled: Double
        var memoryStall: Int
        var bufferStall: Int
        var tiles: Int
        var effectualMACs: Double
        var denseMACs: Double
        var largestLayerValues: Double
        var activationValues: Double
    }

    func run() -> Figures {
        let count = operations.count
        var level = [Int](repeating: 0, count: count)
        var levels = 0
        var lastConsumer = Array(0..<count)
        for op in operations {
            var l = 0
            for d in op.dependencies {
                l = max(l, level[d] + 1)
                lastConsumer[d] = max(lastConsumer[d], op.id)
            }
            level[op.id] = l
            levels = max(levels, l + 1)
        }
        let units = MappedOperation.Unit.allCases
        var work = [[Double]](repeating: [0, 0, 0], count: levels)
        var minimum = [Double](repeating: 0, count: levels)
        var latency = [Double](repeating: 0, count: levels)
        var memory = [Double](repeating: 0, count: levels)
        var stores = [Double](repeating: 0, count: levels)
        var spill = [Double](repeating: 0, count: levels)
        var activity = EnergyAccounting.Activity()
        let capacity = hardware.bufferBytes("activation")
        var live = 0.0
        var spilled = 0.0
        var tiles = 0
        var effectualMACs = 0.0
        var denseMACs = 0.0
        var outputBytes = [Double](repeating: 0, count: count)
        var perLayer = [Double](repeating: 0, count: 64)
        for op in operations {
            let t = tiler.tile(op)
            let l = level[op.id]
            outputBytes[op.id] = t.cost.outputBytes
            tiles += t.cost.tiles
            effectualMACs += t.cost.effectualMACs
            denseMACs += Double(op.denseMACs)
            if op.phase == .forward { perLayer[op.layer] += Double(op.outputValues) }
            work[l][units.firstIndex(of: op.unit)!] += t.cost.workCycles
            activity.busyCycles[op.unit] += t.cost.activeCycles
            minimum[l] = max(minimum[l], t.cost.cyclesPerTile.rounded(.up))
            latency[l] = max(latency[l], Double(t.cost.pipelineLatency))
            memory[l] += t.cost.loadCycles
            stores[l] += t.cost.storeCycles
            activity.memory.add(t.cost.load)
            activity.memory.add(t.cost.store)
            live += t.cost.outputBytes
            if live > capacity {
                let overflow = min(t.cost.outputBytes, live - capacity)
                spilled += 2 * overflow
                let transfer = hardware.transfer(overflow)
                memory[l] += 2 * hardware.cycles(transfer)
                spill[l] += 2 * hardware.cycles(transfer)
                activity.memory.add(transfer.times(2))
            }
            for d in op.dependencies where lastConsumer[d] == op.id { live -= outputBytes[d] }
            if lastConsumer[op.id] == op.id { live -= t.cost.outputBytes }
            activity.tiles += Double(t.cost.tiles)
            activity.rows += t.cost.rowsThroughSparsity
            activity.bufferBytes += t.cost.bufferReadBytes + t.cost.bufferWriteBytes
            activity.mainMemoryBytes += t.cost.loadBytes + t.cost.storeBytes
            activity.weightLoadBytes += t.cost.loadBytes
        }
        activity.mainMemoryBytes += spilled
        var memoryDone = 0.0
        var computeDone = 0.0
        var memoryStall = 0.0
        var bufferStall = 0.0
        var stored = 0.0
        var drain = 0.0
        for l in 0..<levels {
            var spread = 0.0
            for (k, unit) in units.enumerated() {
                spread = max(spread, (work[l][k] / Double(hardware.units(unit))).rounded(.up))
            }
            memoryDone += memory[l]
            if memoryDone > computeDone { memoryStall += memoryDone - computeDone }
            let time = max(spread, minimum[l])
            // The spill's write-out holds the level up (half its traffic).
            computeDone = max(computeDone, memoryDone) + time + latency[l] + spill[l] / 2
            bufferStall += spill[l] / 2
            // Stores drain from the end of the last level that kept every MAC lane busy.
            stored += stores[l]
            let lanes = (work[l][0] / Double(hardware.units(.macLane))).rounded(.up)
            drain = lanes > 0 && lanes >= time ? computeDone + stored : max(drain, computeDone) + stores[l]
        }
        let end = max(computeDone, memoryDone + stored, drain)
        memoryStall += end - computeDone
        let cycles = Int(end.rounded(.up))
        activity.cycles = Double(cycles)
        return Figures(
            cycles: cycles, activity: activity, spilled: spilled, memoryStall: Int(memoryStall.rounded()),
            bufferStall: Int(bufferStall.rounded()), tiles: tiles,
            effectualMACs: effectualMACs, denseMACs: denseMACs, largestLayerValues: perLayer.max()!,
            activationValues: perLayer.reduce(0, +))
    }
}
