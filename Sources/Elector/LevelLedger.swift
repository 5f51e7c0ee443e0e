/// What the fast mode accumulates: work per dependency level and unit class, the traffic of
/// each level, activity totals, and the activation buffer's live bytes with the spill they
/// cause. Operations arrive with a multiplicity (identical heads of a layer are one entry).
struct LevelLedger {
    /// Unit-cycles of work: level * 3 + unit class (MAC lanes, softmax, layer-norm).
    private(set) var work: [Double]
    /// The longest single tile, in cycles, per level.
    private(set) var minimum: [Double]
    /// The longest pipeline latency per level.
    private(set) var latency: [Double]
    /// Main-memory cycles per level (loads, stores, spill).
    private(set) var memory: [Double]

    var activity = EnergyAccounting.Activity()
    private(set) var tiles = 0
    private(set) var effectualMACs = 0.0
    private(set) var denseMACs = 0.0
    private(set) var operations = 0
    private(set) var spilled = 0.0

    /// Bytes of results held in the activation/gradient buffer right now.
    private var live = 0.0
    private let capacity: Double
    private let bandwidth: Double

    init(levels: Int, capacity: Double, bandwidth: Double) {
        work = [Double](repeating: 0, count: levels * 3)
        minimum = [Double](repeating: 0, count: levels)
        latency = [Double](repeating: 0, count: levels)
        memory = [Double](repeating: 0, count: levels)
        self.capacity = capacity
        self.bandwidth = bandwidth
    }

    var levels: Int { minimum.count }

    /// Adds `copies` instances of a tiled operation at `level`: its work, traffic and activity.
    mutating func add(_ t: TiledOperation, copies: Int, level: Int) {
        let n = Double(copies)
        let k: Int
        switch t.operation.unit {
        case .macLane: k = 0
        case .softmax: k = 1
        case .layerNorm: k = 2
        }
        let cycles = n * t.workCycles
        work[level * 3 + k] += cycles
        activity.busyCycles[t.operation.unit] += cycles
        minimum[level] = max(minimum[level], t.cyclesPerTile.rounded(.up))
        latency[level] = max(latency[level], Double(t.pipelineLatency))
        let traffic = t.loadBytes + t.storeBytes
        memory[level] += n * traffic / bandwidth
        tiles += copies * t.tiles
        effectualMACs += n * t.effectualMACs
        denseMACs += n * Double(t.operation.denseMACs)
        operations += copies
        activity.tiles += n * Double(t.tiles)
        activity.rows += n * t.rowsThroughSparsity
        activity.bufferBytes += n * (t.bufferReadBytes + t.bufferWriteBytes)
        activity.mainMemoryBytes += n * traffic
        activity.weightLoadBytes += n * t.loadBytes
    }

    /// One result of `bytes` enters the buffer at `level`; whatever no longer fits is written
    /// out and read back (twice its size in traffic), as in the cycle-level mode.
    mutating func produce(_ bytes: Double, level: Int) {
        live += bytes
        if live > capacity {
            let overflow = min(bytes, live - capacity)
            spilled += 2 * overflow
            memory[level] += 2 * overflow / bandwidth
        }
    }

    /// A result leaves the buffer (its last reader has run).
    mutating func release(_ bytes: Double) {
        live -= bytes
    }
}
