import Foundation

/// The event-driven, tile-level simulation (paper Fig. 5): compute and memory operations in
/// separate pipelines, tiles list-scheduled onto the earliest-free unit of their class,
/// weights prefetched by the DMA into a finite weight buffer, activations kept in a finite
/// activation/gradient buffer and spilled to main memory when it overflows.
///
/// Time advances from event to event (tile completions, transfers), never cycle by cycle.
/// Operations issue in program order; an operation starts when its inputs are complete and
/// its weights are in the buffer. Tile cycle counts vary around their expected value with the
/// per-tile effectual-MAC count, drawn from a fixed-seed stream, so runs are deterministic.
struct CycleSimulator {
    let hardware: HardwareInstance
    let tiled: [TiledOperation]

    struct Outcome {
        var cycles: Int
        var activity: EnergyAccounting.Activity
        var stalls: [String: Int]
        var peakBuffer: [String: Double]
        var spilled: Double
        var tiles: Int
    }

    func run() -> Outcome {
        var heaps: [Operation.Unit: MinHeap] = [:]
        for unit in Operation.Unit.allCases {
            heaps[unit] = MinHeap(repeating: 0, count: hardware.units(unit))
        }
        let bandwidth = hardware.memoryBytesPerCycle
        let weightCapacity = hardware.bufferBytes("weight")
        let activationCapacity = hardware.bufferBytes("activation")
        let maskCapacity = hardware.bufferBytes("mask")

        // Last consumer of each output, for the activation buffer's live set.
        var lastConsumer = Array(0..<tiled.count)
        for t in tiled { for d in t.operation.dependencies { lastConsumer[d] = max(lastConsumer[d], t.operation.id) } }
        var releaseAt: [Int: [Int]] = [:]
        for (producer, consumer) in lastConsumer.enumerated() { releaseAt[consumer, default: []].append(producer) }

        var noise = GaussianTable(seed: 0x7E1E_C70A)
        var finish = [Int](repeating: 0, count: tiled.count)
        var activity = EnergyAccounting.Activity()
        var stalls = ["dependency": 0, "memory": 0, "buffer_full": 0, "compute": 0]
        var dmaFree = 0
        var residents: [(release: Int, bytes: Double)] = []
        var residentBytes = 0.0
        var peakWeight = 0.0
        var live = 0.0
        var liveMask = 0.0
        var peakActivation = 0.0
        var peakMask = 0.0
        var spilled = 0.0
        var frontier = 0  // latest compute completion so far
        var tileCount = 0

        for t in tiled {
            let op = t.operation
            let depsReady = op.dependencies.reduce(0) { max($0, finish[$1]) }
            var weightsReady = 0
            var bufferWait = 0
            var loadEnd = 0
            var held = 0.0
            if t.loadBytes > 0 {
                held = min(t.loadBytes, weightCapacity)
                var start = dmaFree
                residents.sort { $0.release < $1.release }
                while residentBytes + held > weightCapacity, !residents.isEmpty {
                    let r = residents.removeFirst()
                    residentBytes -= r.bytes
                    start = max(start, r.release)
                }
                bufferWait = start - dmaFree
                // Streaming: an operation larger than the buffer starts once the buffer is full.
                weightsReady = start + Int((held / bandwidth).rounded(.up))
                loadEnd = start + Int((t.loadBytes / bandwidth).rounded(.up))
                dmaFree = loadEnd
                activity.mainMemoryBytes += t.loadBytes
                activity.weightLoadBytes += t.loadBytes
            }
            let ready = max(depsReady, weightsReady)

            var heap = heaps[op.unit]!
            var firstStart = Int.max
            var lastEnd = ready
            var busy = 0.0
            let mean = t.cyclesPerTile
            let deviation = t.cyclesDeviation
            for _ in 0..<t.tiles {
                let free = heap.min
                let start = free > ready ? free : ready
                let cycles = deviation > 0 ? Swift.max(1, Int((mean + deviation * noise.next()).rounded())) : Int(mean.rounded(.up))
                let end = start + cycles
                heap.replaceMin(with: end)
                if start < firstStart { firstStart = start }
                if end > lastEnd { lastEnd = end }
                busy += Double(cycles)
            }
            heaps[op.unit] = heap
            tileCount += t.tiles
            var done = max(lastEnd + t.pipelineLatency, loadEnd)

            // Idle compute before this operation started: blame what it waited for.
            if firstStart > frontier {
                let gap = firstStart - frontier
                if weightsReady > depsReady {
                    let memoryPart = min(gap, weightsReady - max(depsReady, frontier))
                    let bufferPart = min(bufferWait, max(memoryPart, 0))
                    stalls["buffer_full"]! += bufferPart
                    stalls["memory"]! += max(memoryPart - bufferPart, 0)
                    stalls["dependency"]! += max(gap - max(memoryPart, 0), 0)
                } else {
                    stalls["dependency"]! += gap
                }
            }
            if firstStart > ready { stalls["compute"]! += firstStart - ready }

            // Outputs enter the activation buffer; what does not fit spills to main memory
            // (written now, read back by the consumer).
            live += t.outputBytes
            liveMask += t.maskBytes
            if live > activationCapacity {
                let overflow = min(t.outputBytes, live - activationCapacity)
                spilled += 2 * overflow
                let spillCycles = Int((2 * overflow / bandwidth).rounded(.up))
                dmaFree = max(dmaFree, done) + spillCycles
                stalls["buffer_full"]! += spillCycles
                done += spillCycles
                activity.mainMemoryBytes += 2 * overflow
            }
            peakActivation = max(peakActivation, min(live, activationCapacity))
            peakMask = max(peakMask, liveMask + residentBytes / hardware.wordBytes / 8)
            if peakMask > maskCapacity { peakMask = maskCapacity }
            for producer in releaseAt[op.id] ?? [] {
                live -= tiled[producer].outputBytes
                liveMask -= tiled[producer].maskBytes
            }
            if t.storeBytes > 0 {
                dmaFree = max(dmaFree, done) + Int((t.storeBytes / bandwidth).rounded(.up))
                activity.mainMemoryBytes += t.storeBytes
            }
            if held > 0 {
                residents.append((done, held))
                residentBytes += held
                peakWeight = max(peakWeight, residentBytes)
            }
            finish[op.id] = done
            frontier = max(frontier, done)
            activity.busyCycles[op.unit, default: 0] += busy
            activity.tiles += Double(t.tiles)
            activity.rows += t.rowsThroughSparsity
            activity.bufferBytes += t.bufferReadBytes + t.bufferWriteBytes
        }
        let end = max(frontier, dmaFree)
        stalls["memory"]! += end - frontier
        activity.cycles = Double(end)
        return Outcome(
            cycles: end, activity: activity, stalls: stalls,
            peakBuffer: ["activation": peakActivation, "weight": peakWeight, "mask": peakMask],
            spilled: spilled, tiles: tileCount)
    }
}

/// A fixed table of standard-normal deviates read in a fixed order: deterministic and cheap.
struct GaussianTable {
    private var values: [Double]
    private var index = 0

    init(seed: UInt64) {
        var state = seed
        values = (0..<4096).map { _ in
            // Irwin-Hall: the sum of 12 uniforms minus 6 is close to standard normal.
            var sum = 0.0
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                sum += Double(state >> 11) * 0x1.0p-53
            }
            return sum - 6
        }
    }

    mutating func next() -> Double {
        index = (index + 1) & 4095
        return values[index]
    }
}
