/// The analytic, operation-level mode for the search: no tiles are scheduled.
///
/// Operations are grouped into dependency levels (an operation's level is one more than its
/// deepest input's). A level's compute time per unit class is its total expected work spread
/// over all units of that class (never less than one tile), plus the longest pipeline
/// latency; the DMA streams loads ahead of compute as in the cycle-level mode, and
/// activation spill follows the same buffer rule.
struct FastEstimator {
    let hardware: HardwareInstance
    let tiled: [TiledOperation]

    struct Outcome {
        var cycles: Int
        var activity: EnergyAccounting.Activity
        var spilled: Double
        var stalls: [String: Int]
    }

    func run() -> Outcome {
        var level = [Int](repeating: 0, count: tiled.count)
        var levels = 0
        for t in tiled {
            let l = t.operation.dependencies.reduce(0) { max($0, level[$1] + 1) }
            level[t.operation.id] = l
            levels = max(levels, l + 1)
        }
        // Work per level and unit class, indexed by the class's position in Unit.allCases.
        let classes = MappedOperation.Unit.allCases
        var work = [[Double]](repeating: [Double](repeating: 0, count: classes.count), count: levels)
        var minimum = [Double](repeating: 0, count: levels)
        var latency = [Double](repeating: 0, count: levels)
        var memory = [Double](repeating: 0, count: levels)
        var activity = EnergyAccounting.Activity()
        let bandwidth = hardware.memoryBytesPerCycle

        var liveEstimate = 0.0
        var spilled = 0.0
        let capacity = hardware.bufferBytes("activation")
        var lastConsumer = Array(0..<tiled.count)
        for t in tiled { for d in t.operation.dependencies { lastConsumer[d] = max(lastConsumer[d], t.operation.id) } }
        var releaseAt = [Double](repeating: 0, count: tiled.count)
        for (producer, consumer) in lastConsumer.enumerated() { releaseAt[consumer] += tiled[producer].outputBytes }

        for t in tiled {
            let l = level[t.operation.id]
            work[l][classes.firstIndex(of: t.operation.unit)!] += t.workCycles
            minimum[l] = max(minimum[l], t.cyclesPerTile.rounded(.up))
            latency[l] = max(latency[l], Double(t.pipelineLatency))
            memory[l] += (t.loadBytes + t.storeBytes) / bandwidth
            liveEstimate += t.outputBytes
            if liveEstimate > capacity {
                let overflow = min(t.outputBytes, liveEstimate - capacity)
                spilled += 2 * overflow
                memory[l] += 2 * overflow / bandwidth
            }
            liveEstimate -= releaseAt[t.operation.id]
            activity.busyCycles[t.operation.unit, default: 0] += t.workCycles
            activity.tiles += Double(t.tiles)
            activity.rows += t.rowsThroughSparsity
            activity.bufferBytes += t.bufferReadBytes + t.bufferWriteBytes
            activity.mainMemoryBytes += t.loadBytes + t.storeBytes
            activity.weightLoadBytes += t.loadBytes
        }
        activity.mainMemoryBytes += spilled

        var compute = [Double](repeating: 0, count: levels)
        for l in 0..<levels {
            var spread = 0.0
            for (k, unit) in classes.enumerated() {
                spread = max(spread, (work[l][k] / Double(hardware.units(unit))).rounded(.up))
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
                       stalls: ["memory": Int(memoryStall.rounded()), "dependency": 0, "buffer_full": 0, "compute": 0])
    }
}
