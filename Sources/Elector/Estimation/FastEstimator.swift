import DesignSpace

/// The analytic mode for the search: a closed-form walk over the model's layers that never
/// builds the operation list and never schedules a tile.
///
/// It computes what an operation-level model over the mapper's operations would: operations
/// grouped into dependency levels (one more than their deepest input's), each level taking
/// its total expected work spread over all units of a class (never less than one tile) plus
/// the longest pipeline latency, the DMA streaming loads ahead of compute, activations
/// spilled when the live set outgrows the activation buffer (the write-out holding up the
/// level), and the optimizer step's stores draining at the end (see `schedule`). It walks
/// the same recipes (`OperationRecipe`, strung together by `LayerBlock`) the mapper
/// expands: the level of each operation follows from the levels the recipes derive, so
/// identical heads of a layer are tiled once and counted with their multiplicity (`+Work`).
/// The live set is followed result by result with the last readers the recipes derive
/// (`+Liveness`), and only when the run produces more bytes than the buffer holds:
/// otherwise nothing can spill.
///
/// A test holds the result equal to the same model evaluated over `Mapper.operations()` with
/// their real dependencies and last readers.
struct FastEstimator {
    let hardware: HardwareInstance
    let tiler: Tiler
    let model: TransformerModel
    let batchSize: Int
    let sequenceLength: Int
    let workload: Workload
    let optimizer: Optimizer
    /// Keep each level's busy span per unit class (for power gating).
    var recordIntervals = false
    /// The contraction paths of the model's tensor-train matrices.
    var plans = ContractionPlans.none

    struct Outcome {
        var cycles: Int
        var activity: EnergyAccounting.Activity
        var spilled: Double
        var stalls: StallBreakdown
        var tiles: Int
        var effectualMACs: Double
        var denseMACs: Double
        var operations: Int
        /// Forward output values of the largest layer (the embedding counts as layer 0) and
        /// of all layers, for the memory footprint.
        var largestLayerValues: Double
        var activationValues: Double
        /// Each level's span per unit class that worked in it, when recorded.
        var intervals: [BusyInterval] = []
    }

    /// Forward output values of the largest layer and of all layers, for the footprint.
    struct ForwardFigures {
        /// The level of the last layer-norm.
        var lastLevel: Int
        var largestLayerValues: Double
        var activationValues: Double
    }

    func run() -> Outcome {
        let training = workload == .training
        // Enough levels for every layer; levels left empty add no time, so only the last
        // forward one must be exact.
        let layers = layers()
        var levelCount = 2
        for layer in layers { levelCount += layer.levelBound(training: training) }
        let capacity = hardware.bufferBytes("activation")
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: levelCount * LevelLedger.stride) { storage in
            var ledger = LevelLedger(storage: storage, capacity: capacity, hardware: hardware)
            let footprint = forwardWork(&ledger, layers)
            let lastForward = footprint.lastLevel
            if training { backwardWork(&ledger, layers, outputGradientLevel: lastForward + 1) }
            // The live set can only outgrow the buffer if the run produces more than it holds.
            if ledger.producedBytes > capacity {
                forwardLiveness(&ledger, layers, training: training)
                if training { backwardLiveness(&ledger, layers, outputGradientLevel: lastForward + 1) }
            }
            return schedule(ledger, footprint: footprint)
        }
    }

    // MARK: Operation costs

    func tile(
        _ kind: MappedOperation.Kind, phase: MappedOperation.Phase, load: Int = 0, store: Int = 0,
        output: Int, outputKind: MatrixKind
    ) -> TileCost {
        tiler.cost(kind, phase: phase, load: load, store: store, output: output, outputKind: outputKind)
    }

    /// The optimizer step of `values` weights.
    func update(_ values: Int) -> TileCost {
        let update = BackwardRule.update(values: values, optimizer: optimizer)
        return tile(update.kind, phase: .update, load: update.load, store: update.store, output: 0, outputKind: .gradient)
    }

    /// The embedding, then every encoder layer.
    func layers() -> [LayerStructure] {
        var layers = [LayerStructure.embedding(of: model, batchSize: batchSize, sequenceLength: sequenceLength)]
        layers.reserveCapacity(model.layers.count + 1)
        for j in model.layers.indices {
            layers.append(LayerStructure(model, layer: j, batchSize: batchSize, sequenceLength: sequenceLength, plans: plans))
        }
        return layers
    }

    /// Bytes an activation of `values` entries occupies in the buffer.
    func activationBytes(_ values: Int) -> Double {
        tiler.compressedBytes(Double(values), .activation).data
    }

    /// Bytes a gradient of `values` entries occupies in the buffer.
    func gradientBytes(_ values: Int) -> Double {
        tiler.compressedBytes(Double(values), .gradient).data
    }

    // MARK: Schedule

    /// Two pipelines at level granularity, as in the cycle-level mode: the DMA streams every
    /// level's loads back to back, and a level computes once its inputs and loads are in.
    private func schedule(_ ledger: LevelLedger, footprint: ForwardFigures) -> Outcome {
        var activity = ledger.activity
        activity.tiles = Double(ledger.tiles)
        let units = (Double(hardware.units(.macLane)), Double(hardware.units(.softmax)), Double(hardware.units(.layerNorm)))
        var memoryDone = 0.0
        var computeDone = 0.0
        var memoryStall = 0.0
        // A spill's write-out holds up the level that overflows the buffer, as in the
        // cycle-level mode (its read-back only takes DMA time): the buffer-full stall.
        var bufferStall = 0.0
        // Only the optimizer step stores (its updated weights), as posted writes: they take
        // DMA time and drain one after another once their update has run. The updates issue
        // last in program order, and the cycle-level mode gives each the lane that comes free
        // first: none does before the end of the last level that keeps every MAC lane busy
        // (`drain` restarts there), and later levels leave lanes idle for them.
        var stored = 0.0
        var drain = 0.0
        var intervals: [BusyInterval] = []
        for i in 0..<ledger.levelCount {
            let level = ledger.level(i)
            // Most levels use one unit class; the others contribute nothing.
            let lanes = level.macLaneWork > 0 ? (level.macLaneWork / units.0).roundedUpFast : 0
            var spread = lanes
            if level.softmaxWork > 0 { spread = max(spread, (level.softmaxWork / units.1).roundedUpFast) }
            if level.layerNormWork > 0 { spread = max(spread, (level.layerNormWork / units.2).roundedUpFast) }
            let time = max(spread, level.minimum)
            let compute = time + level.latency + level.spillCycles / 2
            bufferStall += level.spillCycles / 2
            activity.mainMemoryBytes += level.memoryBytes  // loads, stores and spill
            memoryDone += level.memoryCycles
            if memoryDone > computeDone { memoryStall += memoryDone - computeDone }
            let start = max(computeDone, memoryDone)
            computeDone = start + compute
            stored += level.storeCycles
            drain = lanes > 0 && lanes >= time ? computeDone + stored : max(drain, computeDone) + level.storeCycles
            if recordIntervals {
                let end = computeDone
                if level.macLaneWork > 0 {
                    intervals.append(BusyInterval(unit: .macLane, start: start, end: end, unitCycles: level.macLaneWork))
                }
                if level.softmaxWork > 0 {
                    intervals.append(BusyInterval(unit: .softmax, start: start, end: end, unitCycles: level.softmaxWork))
                }
                if level.layerNormWork > 0 {
                    intervals.append(BusyInterval(unit: .layerNorm, start: start, end: end, unitCycles: level.layerNormWork))
                }
            }
        }
        let end = max(computeDone, memoryDone + stored, drain)
        memoryStall += end - computeDone
        let cycles = Int(end.rounded(.up))
        activity.cycles = Double(cycles)
        var stalls = StallBreakdown()
        stalls.memory = Int(memoryStall.rounded())
        stalls.bufferFull = Int(bufferStall.rounded())
        return Outcome(
            cycles: cycles, activity: activity, spilled: ledger.spilled, stalls: stalls, tiles: ledger.tiles,
            effectualMACs: ledger.effectualMACs, denseMACs: ledger.denseMACs, operations: ledger.operations,
            largestLayerValues: footprint.largestLayerValues, activationValues: footprint.activationValues, intervals: intervals)
    }
}
