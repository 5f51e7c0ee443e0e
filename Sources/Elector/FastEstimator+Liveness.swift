import DesignSpace

/// The activation/gradient buffer's live set, result by result in program order, with the
/// spill it causes, walking the same blocks and recipes as the work (heads one by one here:
/// which head reads a shared result last matters). A result leaves after its last reader,
/// which the recipes know (`OperationRecipe`): in inference that is a forward operation; in
/// training a forward result waits for the backward operations that read it, weight
/// gradients wait for the updates at the end, and a gradient leaves after the last backward
/// operation of the result it belongs to. A gradient of several results at once (a
/// residual's, the output projection's over all heads) belongs to the one whose backward
/// operations come last, the earliest in program order.
extension FastEstimator {
    func forwardLiveness(_ ledger: inout LevelLedger, _ layers: [LayerStructure], training: Bool) {
        var level = -1
        // Bytes of the layer input, and whether the backward pass reads it (then it stays).
        var input = 0.0
        var inputReadBackward = false
        withUnsafeTemporaryAllocation(of: Int.self, capacity: LayerBlock.maximumCount) { levels in
          withUnsafeTemporaryAllocation(of: Double.self, capacity: LayerBlock.maximumInputs) { inputRelease in
            for (n, layer) in layers.enumerated() {
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
                    for i in 0..<instances {
                        let recipe = layer.recipe(of: b, instance: i)
                        let dims = layer.dimensions(of: b, instance: i)
                        let start = isStack ? base + i * recipe.depth : base
                        for (s, step) in recipe.steps.enumerated() {
                            let bytes = activationBytes(step.shape(dims).outputValues)
                            ledger.produce(bytes, level: start + recipe.levels[s])
                            for t in training ? recipe.trainingForwardReleases[s] : recipe.forwardReleases[s] {
                                ledger.release(activationBytes(recipe.steps[t].shape(dims).outputValues))
                            }
                            for k in 0..<recipe.inputCount where recipe.lastForwardReaders[k] == s {
                                if isStack && i > 0 {
                                    if !training || !recipe.inputsReadBackward[k] { ledger.release(previousStage) }
                                } else if i == (isStack ? 0 : instances - 1) {
                                    // The last head reads the heads' input last; only the first stage reads the stack's.
                                    ledger.release(inputRelease[k])
                                }
                            }
                            if s == recipe.output { previousStage = bytes }
                        }
                    }
                }
                let last = layer.blocks.count - 1
                // The model's result has no reader in inference.
                if !training && n == layers.count - 1 { ledger.release(resultBytes(of: .block(last), in: layer, input: input)) }
                input = resultBytes(of: .block(last), in: layer, input: input)
                inputReadBackward = layer.recipe(of: last, instance: 0).backwardReadsOutput
                level = levels[last]
            }
          }
        }
    }

    func backwardLiveness(_ ledger: inout LevelLedger, _ layers: [LayerStructure], outputGradientLevel: Int) {
        var level = outputGradientLevel
        // Gradient bytes belonging to the current layer's result, held for its last reader.
        var pending = 0.0
        let blockCount = LayerBlock.maximumCount
        withUnsafeTemporaryAllocation(of: Int.self, capacity: blockCount) { levels in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: blockCount + LayerBlock.maximumSteps + LayerBlock.maximumInputs) { scratch in
              withUnsafeTemporaryAllocation(of: Int.self, capacity: LayerBlock.maximumInputs) { releasingInstance in
                for layer in layers.reversed() {
                    let inputGradient = layer.backwardLevels(levels, outputLevel: level)
                    // Gradient bytes belonging to each block's result, then to each step of
                    // the recipe instance being walked.
                    let blockPending = UnsafeMutableBufferPointer(rebasing: scratch[0..<blockCount])
                    let stepPending = UnsafeMutableBufferPointer(rebasing: scratch[blockCount..<(blockCount + LayerBlock.maximumSteps)])
                    let releasedBytes = UnsafeMutableBufferPointer(rebasing: scratch[(blockCount + LayerBlock.maximumSteps)...])
                    blockPending.initialize(repeating: 0)
                    let last = layer.blocks.count - 1
                    blockPending[last] = pending
                    pending = 0  // now for the layer input
                    for b in layer.blocks.indices.reversed() where layer.isPresent(b) {
                        let instances = layer.instances(of: b)
                        let isStack = if case .feedForwardStack = layer.blocks[b].content { true } else { false }
                        var stageGradient = 0.0  // of a feed-forward stage's result, from the stage after
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
                        for i in stride(from: instances - 1, through: 0, by: -1) {
                            let recipe = layer.recipe(of: b, instance: i)
                            let dims = layer.dimensions(of: b, instance: i)
                            let start = isStack ? levels[b] + (instances - 1 - i) * (1 + recipe.inputGradientDepths[0]) : levels[b]
                            stepPending.initialize(repeating: 0)
                            // A gradient of every head's result belongs to the first head.
                            stepPending[recipe.output] = isStack && i < instances - 1 ? stageGradient : (i == 0 || isStack ? blockPending[b] : 0)
                            stageGradient = 0
                            for s in stride(from: recipe.steps.count - 1, through: 0, by: -1) {
                                let step = recipe.steps[s]
                                let shape = step.shape(dims)
                                var j = 0
                                BackwardRule.forEachStep(of: shape.kind, hasLeftInputs: !step.left.isEmpty,
                                                         hasRightInputs: !step.right.isEmpty, optimizer: optimizer) { op in
                                    let bytes = gradientBytes(op.outputValues)
                                    ledger.produce(bytes, level: start + recipe.backwardLevels[s])
                                    let targets: [RecipeStep.Operand] = switch op.produces {
                                    case .leftGradient: step.left
                                    case .rightGradient: step.right
                                    case .nothing, .weightGradient: []
                                    }
                                    // The gradient belongs to its earliest target.
                                    var earliestStep = Int.max
                                    var earliestInput: LayerBlock.Source? = nil
                                    for target in targets {
                                        switch target {
                                        case .step(let t): earliestStep = min(earliestStep, t)
                                        case .input(let k):
                                            let source = isStack && i > 0 ? LayerBlock.Source.block(-1) : layer.source(of: b, input: k)
                                            earliestInput = earliestInput.map { min($0, source) } ?? source
                                        }
                                    }
                                    switch earliestInput {
                                    case .some(.block(-1)): stageGradient += bytes
                                    case .some(.block(let a)): blockPending[a] += bytes
                                    case .some(.layerInput): pending += bytes
                                    case .none: if earliestStep < Int.max { stepPending[earliestStep] += bytes }
                                    }
                                    for t in recipe.backwardReleases[s][j] {
                                        ledger.release(activationBytes(recipe.steps[t].shape(dims).outputValues))
                                    }
                                    for k in 0..<recipe.inputCount where recipe.lastBackwardReaders[k] == .init(step: s, operation: j) {
                                        if isStack && i > 0 {
                                            let before = layer.dimensions(of: b, instance: i - 1)
                                            ledger.release(activationBytes(recipe.steps[recipe.output].shape(before).outputValues))
                                            continue
                                        }
                                        if releasingInstance[k] == i { ledger.release(releasedBytes[k]) }
                                    }
                                    if j == recipe.backwardCounts[s] - 1 { ledger.release(stepPending[s]) }
                                    j += 1
                                }
                            }
                        }
                    }
                    level = inputGradient
                }
              }
            }
        }
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
            bytes += activationBytes(recipe.steps[recipe.output].shape(layer.dimensions(of: b, instance: i)).outputValues)
        }
        return bytes
    }

    /// The last block reading `source` in the forward pass.
    private func lastForwardReader(of source: LayerBlock.Source, in layer: LayerStructure) -> Int? {
        var reader: Int? = nil
        for r in layer.blocks.indices where layer.isPresent(r) {
            for k in layer.blocks[r].inputs.indices where layer.source(of: r, input: k) == source { reader = r }
        }
        return reader
    }

    /// The block instance whose backward operations read `source` last (the earliest in
    /// program order), unless the result's own backward operations read it, which come later.
    private func lastBackwardReader(of source: LayerBlock.Source, in layer: LayerStructure) -> (Int, Int)? {
        guard case .block(let a) = source else { return nil }  // the layer input is the previous layer's result
        if layer.recipe(of: a, instance: layer.instances(of: a) - 1).backwardReadsOutput { return nil }
        for r in layer.blocks.indices where layer.isPresent(r) {
            for k in layer.blocks[r].inputs.indices where layer.source(of: r, input: k) == source {
                for i in 0..<layer.instances(of: r) where layer.recipe(of: r, instance: i).inputsReadBackward[k] { return (r, i) }
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
