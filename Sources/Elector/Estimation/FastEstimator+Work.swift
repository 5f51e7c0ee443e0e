import DesignSpace

/// The work of every operation, placed at its dependency level, walking the layers' blocks
/// and recipes (`LayerStructure`): a block's steps count their levels from its latest
/// input's; backward, each step's gradients sit one level past those of its deepest reader,
/// and each weight update one past its weight gradient. Identical heads of a layer are tiled
/// once and added with their count.
extension FastEstimator {
    /// The forward pass; returns the footprint figures.
    func forwardWork(_ ledger: inout LevelLedger, _ layers: [LayerStructure]) -> ForwardFigures {
        var largest = 0.0
        var all = 0.0
        // The embedding reads nothing and sits at level 0, one past this.
        var level = -1
        withUnsafeTemporaryAllocation(of: Int.self, capacity: LayerBlock.maximumCount) { levels in
            for layer in layers {
                var values = 0
                for b in layer.blocks.indices where layer.isPresent(b) {
                    let base = layer.inputsLevel(of: b, levels, inputLevel: level)
                    levels[b] = base + layer.depth(of: b)
                    func add(_ recipe: OperationRecipe, _ dims: RecipeDimensions, copies: Int, from start: Int) {
                        // A step shaped like the one before (a head's q, k and v) costs the same:
                        // it is tiled once.
                        var previous: (kind: MappedOperation.Kind, load: Int, cost: TileCost)? = nil
                        for s in recipe.shapes.indices {
                            let shape = recipe.shapes[s].evaluate(dims)
                            let cost: TileCost
                            if let previous, previous.kind == shape.kind, previous.load == shape.load {
                                cost = previous.cost
                            } else {
                                cost = tile(shape.kind, phase: .forward, load: shape.load, output: shape.outputValues, outputKind: .activation)
                                previous = (shape.kind, shape.load, cost)
                            }
                            ledger.add(cost, copies: copies, level: start + recipe.levels[s])
                            values += copies * shape.outputValues
                        }
                    }
                    switch layer.blocks[b].content {
                    case .recipe(let recipe):
                        add(recipe, layer.dimensions, copies: 1, from: base)
                    case .heads:
                        for (r, recipe) in OperationRecipe.heads.enumerated() {
                            let count = layer.headCount(recipe: r)
                            if count > 0 { add(recipe, layer.dimensions, copies: count, from: base) }
                        }
                    case .feedForwardStack(let recipe):
                        for i in 0..<layer.instances(of: b) {
                            add(recipe, layer.dimensions(of: b, instance: i), copies: 1, from: base + i * recipe.depth)
                        }
                    }
                }
                largest = max(largest, Double(values))
                all += Double(values)
                level = levels[layer.blocks.count - 1]
            }
        }
        return ForwardFigures(lastLevel: level, largestLayerValues: largest, activationValues: all)
    }

    /// The backward pass and the weight updates; `outputGradientLevel` is the level of the
    /// last layer-norm's gradient.
    func backwardWork(_ ledger: inout LevelLedger, _ layers: [LayerStructure], outputGradientLevel: Int) {
        var level = outputGradientLevel
        // One step's backward operations and updates, with their level past the step's.
        withUnsafeTemporaryAllocation(of: (cost: TileCost, offset: Int).self, capacity: 2 * LayerBlock.maximumOperations) { costs in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: LayerBlock.maximumCount) { levels in
                for layer in layers.reversed() {
                    let inputGradient = layer.backwardLevels(levels, outputLevel: level)
                    for b in layer.blocks.indices.reversed() where layer.isPresent(b) {
                        /// Adds the backward operations and weight updates of one recipe instance
                        /// whose result's gradient is at `start`.
                        func add(_ recipe: OperationRecipe, _ dims: RecipeDimensions, copies: Int, from start: Int) {
                            // A step shaped like the one before (a head's q, k and v) has the same
                            // backward operations: their costs are kept and added again.
                            var previous: (kind: MappedOperation.Kind, load: Int, left: Bool, right: Bool)? = nil
                            var kept = 0
                            for s in recipe.shapes.indices {
                                let shape = recipe.shapes[s].evaluate(dims)
                                let at = start + recipe.backwardLevels[s]
                                let (left, right) = (recipe.hasLeftInputs[s], recipe.hasRightInputs[s])
                                if let previous, previous.kind == shape.kind, previous.load == shape.load, previous.left == left,
                                   previous.right == right {
                                    for c in 0..<kept { ledger.add(costs[c].cost, copies: copies, level: at + costs[c].offset) }
                                    continue
                                }
                                previous = (shape.kind, shape.load, left, right)
                                kept = 0
                                BackwardRule.forEachStep(of: shape.kind, hasLeftInputs: left, hasRightInputs: right, optimizer: optimizer) { op in
                                    let cost = tile(op.kind, phase: .backward, load: op.loadValues, output: op.outputValues, outputKind: .gradient)
                                    ledger.add(cost, copies: copies, level: at)
                                    costs[kept] = (cost, 0)
                                    kept += 1
                                    if op.produces == .weightGradient {
                                        let update = update(shape.load)
                                        ledger.add(update, copies: copies, level: at + 1)
                                        costs[kept] = (update, 1)
                                        kept += 1
                                    }
                                }
                            }
                        }
                        switch layer.blocks[b].content {
                        case .recipe(let recipe):
                            add(recipe, layer.dimensions, copies: 1, from: levels[b])
                        case .heads:
                            for (r, recipe) in OperationRecipe.heads.enumerated() {
                                let count = layer.headCount(recipe: r)
                                if count > 0 { add(recipe, layer.dimensions, copies: count, from: levels[b]) }
                            }
                        case .feedForwardStack(let recipe):
                            // Each stage's gradient comes one level past the next stage's input gradient.
                            let stages = layer.instances(of: b)
                            let stride = 1 + recipe.inputGradientDepths[0]
                            for i in 0..<stages {
                                add(recipe, layer.dimensions(of: b, instance: i), copies: 1, from: levels[b] + (stages - 1 - i) * stride)
                            }
                        }
                    }
                    level = inputGradient
                }
            }
        }
    }
}
