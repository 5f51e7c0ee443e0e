/// The analytic, operation-level mode for the search: no tiles are scheduled.
///
/// Operations are grouped into dependency levels (an operation's level is one more than its
/// deepest input's). A level's compute time per unit class is its total expected work spread
/// over all units of that class (never less than one tile), plus the longest pipeline
/// latency; the DMA streams loads ahead of compute as in the cycle-level mode, and
/// activation spill follows the same buffer rule.
///
/// Operations are tiled one at a time as the estimate goes, never kept as an array: for
/// BERT-Base training that array is 700 kB, and allocating it was a third of the time.
struct FastEstimator {
    let hardware: HardwareInstance
    let operations: [MappedOperation]
    let tiler: Tiler

    struct Outcome {
        var cycles: Int
        var activity: EnergyAccounting.Activity
        var spilled: Double
        var stalls: [String: Int]
        var tiles: Int
        var effectualMACs: Double
    }

    func run() -> Outcome {
        let count = operations.count
        var level = [Int](repeating: 0, count: count)
        var levels = 0
        // The last operation that reads each result (itself when nothing does).
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
        // Work per level and unit class, flat: level * classes + the class's position in
        // Unit.allCases (hashing the unit per operation cost more than the estimate itself).
        let classes = MappedOperation.Unit.allCases
        let classIndex: (MappedOperation.Unit) -> Int = { unit in
            switch unit {
            case .macLane: 0
            case .softmax: 1
            case .layerNorm: 2
            }
        }
        var work = [Double](repeating: 0, count: levels * classes.count)
        var busy = [Double](repeating: 0, count: classes.count)
        var minimum = [Double](repeating: 0, count: levels)
        var latency = [Double](repeating: 0, count: levels)
        var memory = [Double](repeating: 0, count: levels)
        var activity = EnergyAccounting.Activity()
        let bandwidth = hardware.memoryBytesPerCycle

        var liveEstimate = 0.0
        var spilled = 0.0
        var tiles = 0
        var effectualMACs = 0.0
        let capacity = hardware.bufferBytes("activation")
        var outputBytes = [Double](repeating: 0, count: count)

        for op in operations {
            let t = tiler.tile(op)
            let l = level[op.id]
            outputBytes[op.id] = t.outputBytes
            tiles += t.tiles
            effectualMACs += t.effectualMACs
            let k = classIndex(op.unit)
            work[l * classes.count + k] += t.workCycles
            busy[k] += t.workCycles
            minimum[l] = max(minimum[l], t.cyclesPerTile.rounded(.up))
            latency[l] = max(latency[l], Double(t.pipelineLatency))
            memory[l] += (t.loadBytes + t.storeBytes) / bandwidth
            liveEstimate += t.outputBytes
            if liveEstimate > capacity {
                let overflow = min(t.outputBytes, liveEstimate - capacity)
                spilled += 2 * overflow
                memory[l] += 2 * overflow / bandwidth
            }
            // Results whose last reader is this operation leave the buffer now.
            for d in op.dependencies where lastConsumer[d] == op.id { liveEstimate -= outputBytes[d] }
            if lastConsumer[op.id] == op.id { liveEstimate -= t.outputBytes }
            activity.tiles += Double(t.tiles)
            activity.rows += t.rowsThroughSparsity
            activity.bufferBytes += t.bufferReadBytes + t.bufferWriteBytes
            activity.mainMemoryBytes += t.loadBytes + t.storeBytes
            activity.weightLoadBytes += t.loadBytes
        }
        activity.mainMemoryBytes += spilled
        for (k, unit) in classes.enumerated() where busy[k] > 0 { activity.busyCycles[unit] = busy[k] }

        var compute = [Double](repeating: 0, count: levels)
        for l in 0..<levels {
            var spread = 0.0
            for (k, unit) in classes.enumerated() {
                spread = max(spread, (work[l * classes.count + k] / Double(hardware.units(unit))).rounded(.up))
            }
            compute[l] = max(spread, minimum[l]) + latency[l]
        }
        // Two pipelines at level granularity, as in the cycle-level mode: the DMA streams every
        // level's loads back to back, and a level computes once its inputs and loads are in.
        var memoryDone = 0.0
        var computeDone = 0.0
        var memoryStall = 0.0
        for l in 0..<levels {
            memoryDone += memory[l]
            if memoryDone > computeDone { memoryStall += memoryDone - computeDone }
            computeDone = max(computeDone, memoryDone) + compute[l]
        }
        let total = computeDone
        let cycles = Int(total.rounded(.up))
        activity.cycles = Double(cycles)
        return Outcome(cycles: cycles, activity: activity, spilled: spilled,
                       stalls: ["memory": Int(memoryStall.rounded()), "dependency": 0, "buffer_full": 0, "compute": 0],
                       tiles: tiles, effectualMACs: effectualMACs)
    }
}
