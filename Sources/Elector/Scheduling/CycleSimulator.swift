import CostModel
import Foundation

/// The event-driven, tile-level simulation (paper Fig. 5): compute and memory operations in
/// separate pipelines, tiles list-scheduled onto the earliest-free unit of their class,
/// weights prefetched by the DMA into a finite weight buffer, activations kept in a finite
/// activation/gradient buffer and spilled to main memory when it overflows.
///
/// Large operations dispatch tiles in groups (a lane takes several consecutive tiles at
/// once), which bounds the events per operation; small ones are scheduled tile by tile.
/// Time advances from event to event (tile completions, transfers), never cycle by cycle.
/// Operations issue in program order; an operation starts when its inputs are complete and
/// its weights are in the buffer. Tile cycle counts vary around their expected value with the
/// per-tile effectual-MAC count, drawn from a fixed-seed stream, so runs are deterministic.
struct CycleSimulator {
    let hardware: HardwareInstance
    let tiled: [TiledOperation]
    /// Keep each operation's times and activity (for `--breakdown`); off by default, since
    /// the search's re-simulations do not need them.
    var traceOperations = false
    /// Keep each operation's busy span (for power gating); off when nothing is gated.
    var recordIntervals = false

    struct Outcome {
        var cycles: Int
        var activity: EnergyAccounting.Activity
        var stalls: StallBreakdown
        var peakBuffer: BufferOccupancy
        var spilled: Double
        var tiles: Int
        /// One per operation, in program order, when traced.
        var traces: [OperationTrace]
        /// One per operation that ran tiles, when recorded.
        var intervals: [BusyInterval]
    }

    /// When one operation ran and what it used.
    struct OperationTrace {
        var start: Int
        var finish: Int
        var activity: EnergyAccounting.Activity
    }

    /// Groups of tiles dispatched per operation at least (see `run`).
    static let groupLimit = 8192

    func run() -> Outcome {
        var heaps: [MappedOperation.Unit: MinHeap] = [:]
        for unit in MappedOperation.Unit.allCases {
            heaps[unit] = MinHeap(repeating: 0, count: hardware.units(unit))
        }
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
        var stalls = StallBreakdown()
        var dmaFree = 0
        var storeDrain = 0
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
        var traces: [OperationTrace] = []
        var intervals: [BusyInterval] = []
        if traceOperations { traces.reserveCapacity(tiled.count) }

        for t in tiled {
            let op = t.operation
            let memoryBefore = activity.mainMemoryBytes
            let depsReady = op.dependencies.reduce(0) { max($0, finish[$1]) }
            var weightsReady = 0
            var bufferWait = 0
            var loadEnd = 0
            var held = 0.0
            if t.cost.loadBytes > 0 {
                held = min(t.cost.loadBytes, weightCapacity)
                var start = dmaFree
                residents.sort { $0.release < $1.release }
                while residentBytes + held > weightCapacity, !residents.isEmpty {
                    let r = residents.removeFirst()
                    residentBytes -= r.bytes
                    start = max(start, r.release)
                }
                bufferWait = start - dmaFree
                // Streaming: an operation larger than the buffer starts once the buffer is full.
                weightsReady = start + Int((t.cost.loadCycles * held / t.cost.loadBytes).rounded(.up))
                loadEnd = start + Int(t.cost.loadCycles.rounded(.up))
                dmaFree = loadEnd
                activity.mainMemoryBytes += t.cost.loadBytes
                activity.weightLoadBytes += t.cost.loadBytes
                activity.memory.add(t.cost.load)
            }
            let ready = max(depsReady, weightsReady)

            var heap = heaps[op.unit]!
            var firstStart = Int.max
            var lastEnd = ready
            var busy = 0.0
            let mean = t.cost.cyclesPerTile
            let deviation = t.cyclesDeviation
            // Tile parts (one per unit a tile holds) go out in groups of consecutive parts, at
            // most `groupLimit` groups per operation; a group's cycles are the sum of its
            // parts'. With fewer parts than the limit every part is its own group and the
            // schedule is tile-exact.
            let parts = t.cost.parts
            let groups = min(parts, max(2 * hardware.units(op.unit), Self.groupLimit))
            let perGroup = parts / groups
            let larger = parts % groups
            let tileCycles = Int(mean.rounded(.up))
            for g in 0..<groups {
                let k = perGroup + (g < larger ? 1 : 0)
                let free = heap.min
                let start = free > ready ? free : ready
                let cycles: Int
                if deviation > 0 {
                    let spread = deviation * Double(k).squareRoot() * noise.next()
                    cycles = Swift.max(k, Int((Double(k) * mean + spread).rounded()))
                } else {
                    cycles = k * tileCycles
                }
                let end = start + cycles
                heap.replaceMin(with: end)
                if start < firstStart { firstStart = start }
                if end > lastEnd { lastEnd = end }
                busy += Double(cycles)
            }
            heaps[op.unit] = heap
            tileCount += t.cost.tiles
            var done = max(lastEnd + t.cost.pipelineLatency, loadEnd)
            if recordIntervals, firstStart != Int.max {
                // The module pipeline stays powered until its last result is out.
                intervals.append(
                    BusyInterval(
                        unit: op.unit, start: Double(firstStart), end: Double(lastEnd + t.cost.pipelineLatency), unitCycles: busy))
            }

            // Idle compute before this operation started: blame what it waited for.
            if firstStart > frontier {
                let gap = firstStart - frontier
                if weightsReady > depsReady {
                    let memoryPart = min(gap, weightsReady - max(depsReady, frontier))
                    let bufferPart = min(bufferWait, max(memoryPart, 0))
                    stalls.bufferFull += bufferPart
                    stalls.memory += max(memoryPart - bufferPart, 0)
                    stalls.dependency += max(gap - max(memoryPart, 0), 0)
                } else {
                    stalls.dependency += gap
                }
            }
            if firstStart > ready { stalls.compute += firstStart - ready }

            // Outputs enter the activation buffer; what does not fit spills to main memory
            // (written now, read back by the consumer).
            live += t.cost.outputBytes
            liveMask += t.cost.maskBytes
            if live > activationCapacity {
                let overflow = min(t.cost.outputBytes, live - activationCapacity)
                spilled += 2 * overflow
                // The write-out delays this operation; the read-back shares the DMA later.
                let transfer = hardware.transfer(overflow)
                let writeCycles = Int(hardware.cycles(transfer).rounded(.up))
                dmaFree += 2 * writeCycles
                stalls.bufferFull += writeCycles
                done += writeCycles
                activity.mainMemoryBytes += 2 * overflow
                activity.memory.add(transfer.times(2))
            }
            peakActivation = max(peakActivation, min(live, activationCapacity))
            peakMask = max(peakMask, liveMask + residentBytes / hardware.wordBytes / 8)
            if peakMask > maskCapacity { peakMask = maskCapacity }
            for producer in releaseAt[op.id] ?? [] {
                live -= tiled[producer].cost.outputBytes
                liveMask -= tiled[producer].cost.maskBytes
            }
            if t.cost.storeBytes > 0 {
                // Posted writes: they take DMA bandwidth from later loads and must drain before
                // the run ends, but later prefetches do not wait for this operation to finish.
                let storeCycles = Int(t.cost.storeCycles.rounded(.up))
                dmaFree += storeCycles
                storeDrain = max(storeDrain, done) + storeCycles
                activity.mainMemoryBytes += t.cost.storeBytes
                activity.memory.add(t.cost.store)
            }
            if held > 0 {
                residents.append((done, held))
                residentBytes += held
                peakWeight = max(peakWeight, residentBytes)
            }
            finish[op.id] = done
            frontier = max(frontier, done)
            activity.busyCycles[op.unit] += busy * t.cost.activeFraction
            activity.tiles += Double(t.cost.tiles)
            activity.rows += t.cost.rowsThroughSparsity
            activity.bufferBytes += t.cost.bufferReadBytes + t.cost.bufferWriteBytes
            if traceOperations {
                var own = EnergyAccounting.Activity()
                own.busyCycles[op.unit] = busy * t.cost.activeFraction
                own.tiles = Double(t.cost.tiles)
                own.rows = t.cost.rowsThroughSparsity
                own.bufferBytes = t.cost.bufferReadBytes + t.cost.bufferWriteBytes
                own.weightLoadBytes = t.cost.loadBytes
                own.mainMemoryBytes = activity.mainMemoryBytes - memoryBefore
                traces.append(OperationTrace(start: firstStart == Int.max ? ready : firstStart, finish: done, activity: own))
            }
        }
        let end = max(frontier, dmaFree, storeDrain)
        stalls.memory += end - frontier
        activity.cycles = Double(end)
        return Outcome(
            cycles: end, activity: activity, stalls: stalls,
            peakBuffer: BufferOccupancy(activation: peakActivation, weight: peakWeight, mask: peakMask),
            spilled: spilled, tiles: tileCount, traces: traces, intervals: intervals)
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
