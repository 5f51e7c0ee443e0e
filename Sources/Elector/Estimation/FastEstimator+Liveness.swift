import DesignSpace

/// The activation/gradient buffer's live set, result by result in program order, with the
/// spill it causes, walking the same blocks and recipes as the work (heads one by one here:
/// which head reads a shared result last matters). Each recipe instance replays its recipe's
/// events (`LivenessEvent`), which say when each of its results leaves: after its last
/// reader. In inference that is a forward operation; in training a forward result waits for
/// the backward operations that read it, weight gradients wait for the updates at the end,
/// and a gradient leaves after the last backward operation of the result it belongs to. A
/// gradient of several results at once (a residual's, the output projection's over all
/// heads) belongs to the one whose backward operations come last, the earliest in program
/// order. Which block frees a result another block made is decided once per block.
extension FastEstimator {
    /// Doubles of one instance's byte table: its forward results', then its backward
    /// operations' (from `LayerBlock.maximumSteps`).
    private static var tableStride: Int { LayerBlock.maximumSteps + LayerBlock.maximumOperations }

    func forwardLiveness(_ ledger: inout LevelLedger, _ layers: [LayerStructure], training: Bool) {
        var level = -1
        // Bytes of the layer input, and whether the backward pass reads it (then it stays).
        var input = 0.0
        var inputReadBackward = false
        let blockCount = LayerBlock.maximumCount
        let headRecipes = OperationRecipe.heads
        let replayStride = 2 * LayerBlock.maximumForwardEvents
        // Layers that repeat an earlier one (same shape, head order and incoming state) replay its events.
        var plans: [LivenessPlan] = []
        withUnsafeTemporaryAllocation(of: Int.self, capacity: blockCount + 3 * headRecipes.count) { ints in
            let levels = UnsafeMutableBufferPointer(rebasing: ints[0..<blockCount])
            let cached = UnsafeMutableBufferPointer(rebasing: ints[blockCount..<(blockCount + headRecipes.count)])
            let compiled = UnsafeMutableBufferPointer(
                rebasing: ints[(blockCount + headRecipes.count)..<(blockCount + 2 * headRecipes.count)])
            let replayCounts = UnsafeMutableBufferPointer(rebasing: ints[(blockCount + 2 * headRecipes.count)...])
            cached.initialize(repeating: -1)
            compiled.initialize(repeating: -1)
            let replayStart = LayerBlock.maximumInputs + (headRecipes.count + 1) * Self.tableStride
            withUnsafeTemporaryAllocation(of: Double.self, capacity: replayStart + headRecipes.count * replayStride) { doubles in
                let inputRelease = UnsafeMutableBufferPointer(rebasing: doubles[0..<LayerBlock.maximumInputs])
                let tables = UnsafeMutableBufferPointer(rebasing: doubles[LayerBlock.maximumInputs..<replayStart])
                let replays = UnsafeMutableBufferPointer(rebasing: doubles[replayStart...])
                for (n, layer) in layers.enumerated() {
                    // The model's result leaves after the last layer in inference: that layer is walked.
                    let replayable = training || n < layers.count - 1
                    if replayable, let plan = plans.first(where: { $0.matches(layer, incoming: input, flag: inputReadBackward) }) {
                        ledger.replay(plan.events, from: level)
                        (input, inputReadBackward) = (plan.outgoing, plan.outgoingFlag)
                        level += plan.levelChange
                        continue
                    }
                    let (startLevel, startInput, startFlag) = (level, input, inputReadBackward)
                    if replayable { ledger.startRecording(from: level) }
                    let heads = layer.heads
                    _ = layer.forwardLevels(levels, inputLevel: level)
                    for b in layer.blocks.indices where layer.isPresent(b) {
                        let base = layer.inputsLevel(of: b, levels, inputLevel: level)
                        let instances = layer.instances(of: b)
                        let isStack = if case .feedForwardStack = layer.blocks[b].content { true } else { false }
                        // Bytes of each input this block frees after its last instance reads it
                        // (zero if a later block reads it, or the backward pass does).
                        for k in layer.blocks[b].inputs.indices {
                            let source = layer.source(of: b, input: k)
                            var freed = lastForwardReader(of: source, in: layer) == b
                            if training {
                                freed = freed && !(source == .layerInput ? inputReadBackward : isReadBackward(source, in: layer))
                            }
                            inputRelease[k] = freed ? resultBytes(of: source, in: layer, input: input) : 0
                        }
                        var previousStage = 0.0  // a feed-forward stage's input, when it is the stage before
                        let isHeads = if case .heads = layer.blocks[b].content { true } else { false }
                        for i in 0..<instances {
                            // Heads look their recipe up directly: this loop runs for every head.
                            let headRecipe = isHeads ? OperationRecipe.headIndex(heads[i]) : -1
                            if isHeads && compiled[headRecipe] == layer.number {
                                // Every head of a recipe does the same as the first of the layer:
                                // replay its events with their bytes and levels worked out.
                                let replay = replays.baseAddress! + headRecipe * replayStride
                                for e in 0..<replayCounts[headRecipe] {
                                    let (bytes, at) = (replay[2 * e], replay[2 * e + 1])
                                    if at >= 0 {
                                        ledger.produce(bytes, level: Int(at))
                                    } else if at == -1 {
                                        ledger.release(bytes)
                                    } else if i == instances - 1 {
                                        ledger.release(inputRelease[Int(bytes)])
                                    }
                                }
                                continue
                            }
                            let recipe = isHeads ? headRecipes[headRecipe] : layer.recipe(of: b, instance: i)
                            let table = bytesTable(
                                layer, block: b, instance: i, recipe: recipe, headRecipe: headRecipe, tables: tables,
                                cached: cached, gradients: false)
                            let start = isStack ? base + i * recipe.depth : base
                            let events = training ? recipe.trainingForwardEvents : recipe.forwardEvents
                            if isHeads {
                                // Worked out for this head, then replayed for the others (above):
                                // (bytes, level) to produce, (bytes, -1) to release, (input, -2)
                                // for an input read last.
                                let replay = replays.baseAddress! + headRecipe * replayStride
                                var count = 0
                                for event in events {
                                    switch event {
                                    case .produce(let s):
                                        (replay[2 * count], replay[2 * count + 1]) = (table[s], Double(start + recipe.levels[s]))
                                    case .release(let s): (replay[2 * count], replay[2 * count + 1]) = (table[s], -1)
                                    case .inputRead(let k): (replay[2 * count], replay[2 * count + 1]) = (Double(k), -2)
                                    case .produceGradient, .releaseGradient: continue
                                    }
                                    count += 1
                                }
                                replayCounts[headRecipe] = count
                                compiled[headRecipe] = layer.number
                            }
                            for event in events {
                                switch event {
                                case .produce(let s): ledger.produce(table[s], level: start + recipe.levels[s])
                                case .release(let s): ledger.release(table[s])
                                case .inputRead(let k):
                                    if isStack && i > 0 {
                                        if !training || !recipe.inputsReadBackward[k] { ledger.release(previousStage) }
                                    } else if i == (isStack ? 0 : instances - 1) {
                                        // The last head reads the heads' input last; only the first stage reads the stack's.
                                        ledger.release(inputRelease[k])
                                    }
                                case .produceGradient, .releaseGradient: break
                                }
                            }
                            previousStage = table[recipe.output]
                        }
                    }
                    let last = layer.blocks.count - 1
                    // The model's result has no reader in inference.
                    if !training && n == layers.count - 1 { ledger.release(resultBytes(of: .block(last), in: layer, input: input)) }
                    input = resultBytes(of: .block(last), in: layer, input: input)
                    inputReadBackward = layer.recipe(of: last, instance: 0).backwardReadsOutput
                    level = levels[last]
                    if replayable {
                        plans.append(
                            LivenessPlan(
                                layer: layer, incoming: startInput, incomingFlag: startFlag, events: ledger.stopRecording(),
                                outgoing: input, outgoingFlag: inputReadBackward, levelChange: level - startLevel))
                    }
                }
            }
        }
    }

    func backwardLiveness(_ ledger: inout LevelLedger, _ layers: [LayerStructure], outputGradientLevel: Int) {
        var level = outputGradientLevel
        // Gradient bytes belonging to the current layer's result, held for its last reader.
        var pending = 0.0
        let blockCount = LayerBlock.maximumCount
        let inputs = LayerBlock.maximumInputs
        let steps = LayerBlock.maximumSteps
        let headRecipes = OperationRecipe.heads
        let headRecipeCount = headRecipes.count
        // A head's events with their bytes and levels worked out, four doubles each: (tag,
        // bytes, level, argument); see `produceTag` and the tags after it.
        let replayStride = 4 * LayerBlock.maximumBackwardEvents
        // Layers that repeat an earlier one (same shape, head order and pending gradient) replay its events.
        var plans: [LivenessPlan] = []
        withUnsafeTemporaryAllocation(of: Int.self, capacity: blockCount + 3 * headRecipeCount + inputs) { ints in
            let levels = UnsafeMutableBufferPointer(rebasing: ints[0..<blockCount])
            let cached = UnsafeMutableBufferPointer(rebasing: ints[blockCount..<(blockCount + headRecipeCount)])
            let compiled = UnsafeMutableBufferPointer(rebasing: ints[(blockCount + headRecipeCount)..<(blockCount + 2 * headRecipeCount)])
            let replayCounts = UnsafeMutableBufferPointer(
                rebasing: ints[(blockCount + 2 * headRecipeCount)..<(blockCount + 3 * headRecipeCount)])
            let releasingInstance = UnsafeMutableBufferPointer(rebasing: ints[(blockCount + 3 * headRecipeCount)...])
            cached.initialize(repeating: -1)
            compiled.initialize(repeating: -1)
            let replayStart = blockCount + steps + inputs + (headRecipeCount + 1) * Self.tableStride
            withUnsafeTemporaryAllocation(of: Double.self, capacity: replayStart + headRecipeCount * replayStride) { doubles in
                // Gradient bytes belonging to each block's result, then to each step of the
                // recipe instance being walked; bytes each input frees; byte tables.
                let blockPending = UnsafeMutableBufferPointer(rebasing: doubles[0..<blockCount])
                let stepPending = UnsafeMutableBufferPointer(rebasing: doubles[blockCount..<(blockCount + steps)])
                let releasedBytes = UnsafeMutableBufferPointer(rebasing: doubles[(blockCount + steps)..<(blockCount + steps + inputs)])
                let tables = UnsafeMutableBufferPointer(rebasing: doubles[(blockCount + steps + inputs)..<replayStart])
                let replays = UnsafeMutableBufferPointer(rebasing: doubles[replayStart...])
                for layer in layers.reversed() {
                    if let plan = plans.first(where: { $0.matches(layer, incoming: pending, flag: false) }) {
                        ledger.replay(plan.events, from: level)
                        pending = plan.outgoing
                        level += plan.levelChange
                        continue
                    }
                    let (startLevel, startPending) = (level, pending)
                    ledger.startRecording(from: level)
                    let heads = layer.heads
                    let inputGradient = layer.backwardLevels(levels, outputLevel: level)
                    blockPending.initialize(repeating: 0)
                    let last = layer.blocks.count - 1
                    blockPending[last] = pending
                    pending = 0  // now for the layer input
                    for b in layer.blocks.indices.reversed() where layer.isPresent(b) {
                        let instances = layer.instances(of: b)
                        let isStack = if case .feedForwardStack = layer.blocks[b].content { true } else { false }
                        // The instance whose backward operations free each input, and its bytes.
                        for k in layer.blocks[b].inputs.indices {
                            let source = layer.source(of: b, input: k)
                            if let reader = lastBackwardReader(of: source, in: layer), reader.0 == b {
                                releasingInstance[k] = reader.1
                                releasedBytes[k] = resultBytes(of: source, in: layer, input: 0)
                            } else {
                                releasingInstance[k] = -1
                            }
                        }
                        /// Adds a gradient's bytes to the result of `source` it belongs to.
                        func belongs(_ bytes: Double, to source: LayerBlock.Source) {
                            switch source {
                            case .block(let a): blockPending[a] += bytes
                            case .layerInput: pending += bytes
                            }
                        }
                        var stageGradient = 0.0  // of a feed-forward stage's result, from the stage after
                        let isHeads = if case .heads = layer.blocks[b].content { true } else { false }
                        for i in stride(from: instances - 1, through: 0, by: -1) {
                            let headRecipe = isHeads ? OperationRecipe.headIndex(heads[i]) : -1
                            if isHeads && compiled[headRecipe] == layer.number {
                                // Every head of a recipe does the same as the last of the layer
                                // (the first walked): replay its events.
                                stepPending.initialize(repeating: 0)
                                stepPending[headRecipes[headRecipe].output] = i == 0 ? blockPending[b] : 0
                                let replay = replays.baseAddress! + headRecipe * replayStride
                                for e in 0..<replayCounts[headRecipe] {
                                    let entry = replay + 4 * e
                                    let (bytes, argument) = (entry[1], Int(entry[3]))
                                    switch Int(entry[0]) {
                                    case Self.produceTag: ledger.produce(bytes, level: Int(entry[2]))
                                    case Self.produceForStepTag:
                                        ledger.produce(bytes, level: Int(entry[2]))
                                        stepPending[argument] += bytes
                                    case Self.produceForInputTag:
                                        ledger.produce(bytes, level: Int(entry[2]))
                                        belongs(bytes, to: layer.source(of: b, input: argument))
                                    case Self.releaseTag: ledger.release(bytes)
                                    case Self.inputReadTag: if releasingInstance[argument] == i { ledger.release(releasedBytes[argument]) }
                                    default: ledger.release(stepPending[argument])  // releaseGradientTag
                                    }
                                }
                                continue
                            }
                            let recipe = isHeads ? headRecipes[headRecipe] : layer.recipe(of: b, instance: i)
                            let table = bytesTable(
                                layer, block: b, instance: i, recipe: recipe, headRecipe: headRecipe, tables: tables,
                                cached: cached, gradients: true)
                            let start = isStack ? levels[b] + (instances - 1 - i) * (1 + recipe.inputGradientDepths[0]) : levels[b]
                            let earlierStage = isStack && i > 0
                            stepPending.initialize(repeating: 0)
                            // A gradient of every head's result belongs to the first head.
                            stepPending[recipe.output] =
                                isStack && i < instances - 1 ? stageGradient : (i == 0 || isStack ? blockPending[b] : 0)
                            stageGradient = 0
                            if isHeads {
                                // Worked out for this head, then replayed for the others (above).
                                let replay = replays.baseAddress! + headRecipe * replayStride
                                var count = 0
                                var replayable = true
                                for event in recipe.backwardEvents {
                                    let entry = replay + 4 * count
                                    switch event {
                                    case .produceGradient(let o):
                                        let at = Double(start + recipe.backwardLevels[recipe.operationSteps[o]])
                                        switch recipe.gradientTargets[o] {
                                        case .none:
                                            (entry[0], entry[1], entry[2], entry[3]) = (Double(Self.produceTag), table[steps + o], at, 0)
                                        case .step(let t):
                                            (entry[0], entry[1], entry[2], entry[3]) = (
                                                Double(Self.produceForStepTag), table[steps + o], at, Double(t)
                                            )
                                        case .input(let k):
                                            (entry[0], entry[1], entry[2], entry[3]) = (
                                                Double(Self.produceForInputTag), table[steps + o], at, Double(k)
                                            )
                                        case .earliestInput: replayable = false
                                        }
                                    case .release(let t):
                                        (entry[0], entry[1], entry[2], entry[3]) = (Double(Self.releaseTag), table[t], 0, 0)
                                    case .inputRead(let k):
                                        (entry[0], entry[1], entry[2], entry[3]) = (Double(Self.inputReadTag), 0, 0, Double(k))
                                    case .releaseGradient(let s):
                                        (entry[0], entry[1], entry[2], entry[3]) = (Double(Self.releaseGradientTag), 0, 0, Double(s))
                                    case .produce: continue
                                    }
                                    count += 1
                                }
                                replayCounts[headRecipe] = count
                                if replayable { compiled[headRecipe] = layer.number }
                            }
                            for event in recipe.backwardEvents {
                                switch event {
                                case .produceGradient(let o):
                                    let bytes = table[steps + o]
                                    ledger.produce(bytes, level: start + recipe.backwardLevels[recipe.operationSteps[o]])
                                    switch recipe.gradientTargets[o] {
                                    case .none: break
                                    case .step(let t): stepPending[t] += bytes
                                    case .input(let k):
                                        if earlierStage {
                                            stageGradient += bytes
                                        } else {
                                            belongs(bytes, to: layer.source(of: b, input: k))
                                        }
                                    case .earliestInput(let s, let left):
                                        var earliest: LayerBlock.Source? = nil
                                        for case .input(let k) in left ? recipe.steps[s].left : recipe.steps[s].right {
                                            let source = layer.source(of: b, input: k)
                                            earliest = earliest.map { min($0, source) } ?? source
                                        }
                                        if earlierStage { stageGradient += bytes } else if let earliest { belongs(bytes, to: earliest) }
                                    }
                                case .release(let t): ledger.release(table[t])
                                case .inputRead(let k):
                                    if earlierStage {
                                        let before = layer.dimensions(of: b, instance: i - 1)
                                        ledger.release(activationBytes(recipe.shapes[recipe.output].evaluate(before).outputValues))
                                    } else if releasingInstance[k] == i {
                                        ledger.release(releasedBytes[k])
                                    }
                                case .releaseGradient(let s): ledger.release(stepPending[s])
                                case .produce: break
                                }
                            }
                        }
                    }
                    level = inputGradient
                    let events = ledger.stopRecording()
                    // Nothing follows the embedding (its input has no gradient level).
                    if layer.number > 0 {
                        plans.append(
                            LivenessPlan(
                                layer: layer, incoming: startPending, incomingFlag: false, events: events,
                                outgoing: pending, outgoingFlag: false, levelChange: level - startLevel))
                    }
                }
            }
        }
    }

    // The tags of a head's backward events once worked out (`backwardLiveness`): produce a
    // gradient (belonging to nothing kept, to a step's result, to an input), release a
    // result, read an input last, release the gradient belonging to a step.
    private static var produceTag: Int { 0 }
    private static var produceForStepTag: Int { 1 }
    private static var produceForInputTag: Int { 2 }
    private static var releaseTag: Int { 3 }
    private static var inputReadTag: Int { 4 }
    private static var releaseGradientTag: Int { 5 }

    /// The bytes of instance `i` of block `b`'s forward results (by step), then of its
    /// backward results (from `LayerBlock.maximumSteps`, by backward operation) if
    /// `gradients`. A head's table (`headRecipe` its index in `OperationRecipe.heads`, -1 for
    /// other instances) is worked out once per layer and recipe.
    private func bytesTable(
        _ layer: LayerStructure, block b: Int, instance i: Int, recipe: OperationRecipe, headRecipe: Int,
        tables: UnsafeMutableBufferPointer<Double>, cached: UnsafeMutableBufferPointer<Int>,
        gradients: Bool
    ) -> UnsafeMutableBufferPointer<Double> {
        let stride = Self.tableStride
        var slot = cached.count  // the table of instances other than heads
        if headRecipe >= 0 {
            slot = headRecipe
            if cached[slot] == layer.number { return UnsafeMutableBufferPointer(rebasing: tables[(slot * stride)..<((slot + 1) * stride)]) }
            cached[slot] = layer.number
        }
        let table = UnsafeMutableBufferPointer(rebasing: tables[(slot * stride)..<((slot + 1) * stride)])
        let dims = layer.dimensions(of: b, instance: i)
        var o = LayerBlock.maximumSteps
        for s in recipe.shapes.indices {
            let shape = recipe.shapes[s].evaluate(dims)
            table[s] = activationBytes(shape.outputValues)
            guard gradients else { continue }
            BackwardRule.forEachStep(
                of: shape.kind, hasLeftInputs: recipe.hasLeftInputs[s], hasRightInputs: recipe.hasRightInputs[s],
                optimizer: optimizer
            ) { op in
                table[o] = gradientBytes(op.outputValues)
                o += 1
            }
        }
        return table
    }

    // MARK: Readers across blocks

    /// Bytes of the result `source` names: all heads' results together for the heads, the
    /// last stage's for the feed-forward stack; `input` is the layer input's.
    private func resultBytes(of source: LayerBlock.Source, in layer: LayerStructure, input: Double) -> Double {
        guard case .block(let b) = source else { return input }
        var bytes = 0.0
        let instances = layer.instances(of: b)
        let range = if case .heads = layer.blocks[b].content { 0..<instances } else { (instances - 1)..<instances }
        for i in range {
            let recipe = layer.recipe(of: b, instance: i)
            bytes += activationBytes(recipe.shapes[recipe.output].evaluate(layer.dimensions(of: b, instance: i)).outputValues)
        }
        return bytes
    }

    /// The last block reading `source` in the forward pass.
    private func lastForwardReader(of source: LayerBlock.Source, in layer: LayerStructure) -> Int? {
        layer.readers(of: source).last?.block
    }

    /// The block instance whose backward operations read `source` last (the earliest in
    /// program order), unless the result's own backward operations read it, which come later.
    private func lastBackwardReader(of source: LayerBlock.Source, in layer: LayerStructure) -> (Int, Int)? {
        guard case .block(let a) = source else { return nil }  // the layer input is the previous layer's result
        if layer.recipe(of: a, instance: layer.instances(of: a) - 1).backwardReadsOutput { return nil }
        for reader in layer.readers(of: source) {
            for i in 0..<layer.instances(of: reader.block)
            where layer.recipe(of: reader.block, instance: i).inputsReadBackward[reader.input] {
                return (reader.block, i)
            }
        }
        return nil
    }

    /// Whether any backward operation reads block `source`'s result.
    private func isReadBackward(_ source: LayerBlock.Source, in layer: LayerStructure) -> Bool {
        guard case .block(let a) = source else { return true }
        return layer.recipe(of: a, instance: layer.instances(of: a) - 1).backwardReadsOutput
            || lastBackwardReader(of: source, in: layer) != nil
    }
}
