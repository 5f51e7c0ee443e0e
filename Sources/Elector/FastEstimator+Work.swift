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
                        for s in recipe.shapes.indices {
                            let shape = recipe.shapes[s].evaluate(dims)
                            let cost = tile(shape.kind, phase: .forward, load: shape.load, output: shape.outputValues, outputKind: .activation)
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
        withUnsafeTemporaryAllocation(of: Int.self, capacity: LayerBlock.maximumCount) { levels in
            for layer in layers.reversed() {
                let inputGradient = layer.backwardLevels(levels, outputLevel: level)
                for b in layer.blocks.indices.reversed() where layer.isPresent(b) {
                    /// Adds the backward operations and weight updates of one recipe instance
                    /// whose result's gradient is at `start`.
                    func add(_ recipe: OperationRecipe, _ dims: RecipeDimensions, copies: Int, from start: Int) {
                        for s in recipe.shapes.indices {
                            let shape = recipe.shapes[s].evaluate(dims)
                            let at = start + recipe.backwardLevels[s]
                            BackwardRule.forEachStep(of: shape.kind, hasLeftInputs: recipe.hasLeftInputs[s],
                                                     hasRightInputs: recipe.hasRightInputs[s], optimizer: optimizer) { op in
                                let cost = tile(op.kind, phase: .backward, load: op.loadValues, output: op.outputValues, outputKind: .gradient)
                                ledger.add(cost, copies: copies, level: at)
                                if op.produces == .weightGradient { ledger.add(update(shape.load), copies: copies, level: at + 1) }
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
