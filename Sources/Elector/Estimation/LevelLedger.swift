/// What the fast mode accumulates: work per dependency level and unit class, the traffic of
/// each level, activity totals, and the activation buffer's live bytes with the spill they
/// cause. Operations arrive with a multiplicity (identical heads of a layer are one entry).
struct LevelLedger {
    /// What one dependency level holds.
    struct Level {
        /// Unit-cycles of work per unit class: MAC lanes, softmax, layer-norm.
        var macLaneWork = 0.0
        var softmaxWork = 0.0
        var layerNormWork = 0.0
        /// The longest single tile, in whole cycles.
        var minimum = 0.0
        /// The longest pipeline latency.
        var latency = 0.0
        /// Main-memory bytes (loads, stores, spill), the cycles of the transfers the level
        /// waits for (loads and spill), and the cycles of its stores, which are posted.
        var memoryBytes = 0.0
        var memoryCycles = 0.0
        var storeCycles = 0.0
        /// The part of `memoryCycles` that moves spilled results (written out, read back,
        /// the same cycles each way).
        var spillCycles = 0.0
    }

    /// The levels' figures, nine doubles per level in `Level`'s order, in memory the caller
    /// provides (`FastEstimator.run` uses a temporary allocation, usually on the stack: at
    /// microsecond scale a heap array's allocation and bookkeeping showed up).
    private let storage: UnsafeMutableBufferPointer<Double>
    static let stride = 9

    var activity = EnergyAccounting.Activity()
    private(set) var tiles = 0
    private(set) var effectualMACs = 0.0
    private(set) var denseMACs = 0.0
    private(set) var operations = 0
    private(set) var spilled = 0.0
    /// Bytes of all results produced (an upper bound on the live set).
    private(set) var producedBytes = 0.0

    /// Bytes of results held in the activation/gradient buffer right now.
    private var live = 0.0
    private let capacity: Double
    /// The main memory that spill goes to, for the transfers' time.
    private let hardware: HardwareInstance

    /// A buffer event as recorded: `bytes` produced at `level` (relative to the recording's
    /// base), or released when `level` is `Int.min`.
    struct Event {
        let bytes: Double
        let level: Int
    }

    /// The events since `startRecording(from:)`, nil when not recording: the liveness walk
    /// records a layer's events once and replays them for the layers that repeat it.
    private var recording: [Event]? = nil
    private var recordingBase = 0

    /// A ledger over `storage` (`stride` doubles per level), which it zeroes.
    init(storage: UnsafeMutableBufferPointer<Double>, capacity: Double, hardware: HardwareInstance) {
        storage.initialize(repeating: 0)
        self.storage = storage
        self.capacity = capacity
        self.hardware = hardware
    }

    /// Number of levels.
    var levelCount: Int { storage.count / Self.stride }

    /// The figures of level `i`.
    func level(_ i: Int) -> Level {
        let o = i * Self.stride
        return Level(
            macLaneWork: storage[o], softmaxWork: storage[o + 1], layerNormWork: storage[o + 2], minimum: storage[o + 3],
            latency: storage[o + 4], memoryBytes: storage[o + 5], memoryCycles: storage[o + 6],
            storeCycles: storage[o + 7], spillCycles: storage[o + 8])
    }

    /// Adds `copies` instances of a tiled operation at `level`: its work, traffic and activity.
    /// (Busy cycles, tiles and main-memory traffic are summed from the levels and counts at
    /// the end rather than here.)
    mutating func add(_ t: TileCost, copies: Int, level: Int) {
        let n = Double(copies)
        let cycles = n * t.workCycles
        let o = level * Self.stride
        switch t.unit {
        case .macLane: storage[o] += cycles
        case .softmax: storage[o + 1] += cycles
        case .layerNorm: storage[o + 2] += cycles
        }
        activity.busyCycles[t.unit] += n * t.activeCycles
        storage[o + 3] = max(storage[o + 3], t.tileCycles)
        storage[o + 4] = max(storage[o + 4], Double(t.pipelineLatency))
        storage[o + 5] += n * (t.loadBytes + t.storeBytes)
        storage[o + 6] += n * t.loadCycles
        storage[o + 7] += n * t.storeCycles
        if t.loadBytes > 0 { activity.memory.add(t.load.times(n)) }
        if t.storeBytes > 0 { activity.memory.add(t.store.times(n)) }
        producedBytes += n * t.outputBytes
        tiles += copies * t.tiles
        effectualMACs += n * t.effectualMACs
        denseMACs += n * t.denseMACs
        operations += copies
        activity.rows += n * t.rowsThroughSparsity
        activity.bufferBytes += n * (t.bufferReadBytes + t.bufferWriteBytes)
        activity.weightLoadBytes += n * t.loadBytes
    }

    /// One result of `bytes` enters the buffer at `level`; whatever no longer fits is written
    /// out and read back (twice its size in traffic), as in the cycle-level mode.
    mutating func produce(_ bytes: Double, level: Int) {
        recording?.append(Event(bytes: bytes, level: level - recordingBase))
        live += bytes
        if live > capacity {
            let overflow = min(bytes, live - capacity)
            spilled += 2 * overflow
            let transfer = hardware.transfer(overflow)
            storage[level * Self.stride + 5] += 2 * overflow
            storage[level * Self.stride + 6] += 2 * hardware.cycles(transfer)
            storage[level * Self.stride + 8] += 2 * hardware.cycles(transfer)
            activity.memory.add(transfer.times(2))
        }
    }

    /// A result leaves the buffer (its last reader has run).
    mutating func release(_ bytes: Double) {
        recording?.append(Event(bytes: bytes, level: Int.min))
        live -= bytes
    }

    /// Starts recording buffer events, with levels relative to `level`.
    mutating func startRecording(from level: Int) {
        recording = []
        recordingBase = level
    }

    /// Stops recording; returns the events since `startRecording(from:)`.
    mutating func stopRecording() -> [Event] {
        defer { recording = nil }
        return recording ?? []
    }

    /// Produces and releases `events` again, their levels relative to `level`: the same
    /// calls in the same order, so the live set and spill come out bit-identical.
    mutating func replay(_ events: [Event], from level: Int) {
        for event in events {
            if event.level == Int.min { release(event.bytes) } else { produce(event.bytes, level: level + event.level) }
        }
    }
}
