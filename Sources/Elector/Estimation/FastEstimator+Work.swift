import DesignSpace

/// The work of every operation, placed at its dependency level, walking the layers' blocks
/// and recipes (`LayerStructure`): a block's steps count their levels from its latest
/// input's; backward, each step's gradients sit one level past those of its deepest reader,
/// and each weight update one past its weight gradient. Identical heads of a layer are tiled
/// once and added with their count, and identical layers once per run: each distinct layer
/// shape is recorded (`LayerWorkPlan`) and replayed at every layer of that shape, since
/// tiling is most of the fast mode's time.
extension FastEstimator {
    /// The forward pass; returns the footprint figures.
    func forwardWork(_ ledger: inout LevelLedger, _ layers: [LayerStructure]) -> ForwardFigures {
        var largest = 0.0
        var all = 0.0
        // The embedding reads nothing and sits at level 0, one past this.
        var level = -1
        var entries: [WorkEntry] = []
        entries.reserveCapacity(Self.entriesPerLayer * min(layers.count, 4))
        var plans: [LayerWorkPlan] = []
        plans.reserveCapacity(layers.count)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: LayerBlock.maximumCount) { levels in
            for layer in layers {
                let plan =
                    plans.first { $0.layer.hasSameWork(as: layer) }
                    ?? {
                        let plan = recordForward(layer, into: &entries, levels)
                        plans.append(plan)
                        return plan
                    }()
                for e in plan.entries { ledger.add(entries[e].cost, copies: entries[e].copies, level: level + entries[e].level) }
                largest = max(largest, Double(plan.values))
                all += Double(plan.values)
                level += plan.levelChange
            }
        }
        return ForwardFigures(lastLevel: level, largestLayerValues: largest, activationValues: all)
    }

    /// Room for one layer's entries, so that recording rarely grows the list.
    private static var entriesPerLayer: Int { 64 }

    /// Tiles `layer`'s forward operations once, appending them to `entries` with levels
    /// counted from the layer's input level.
    private func recordForward(
        _ layer: LayerStructure, into entries: inout [WorkEntry],
        _ levels: UnsafeMutableBufferPointer<Int>
    ) -> LayerWorkPlan {
        let first = entries.count
        var values = 0
        for b in layer.blocks.indices where layer.isPresent(b) {
            let base = layer.inputsLevel(of: b, levels, inputLevel: 0)
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
                    entries.append(WorkEntry(cost: cost, copies: copies, level: start + recipe.levels[s]))
                    values += copies * shape.outputValues
                }
            }
            switch layer.blocks[b].content {
            case .recipe(let recipe):
                add(recipe, layer.dimensions(of: b, instance: 0), copies: 1, from: base)
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
        return LayerWorkPlan(layer: layer, entries: first..<entries.count, levelChange: levels[layer.blocks.count - 1], values: values)
    }

    /// The backward pass and the weight updates; `outputGradientLevel` is the level of the
    /// last layer-norm's gradient.
    func backwardWork(_ ledger: inout LevelLedger, _ layers: [LayerStructure], outputGradientLevel: Int) {
        var level = outputGradientLevel
        var entries: [WorkEntry] = []
        entries.reserveCapacity(2 * Self.entriesPerLayer * min(layers.count, 4))
        var plans: [LayerWorkPlan] = []
        plans.reserveCapacity(layers.count)
        // One step's backward operations and updates, with their level past the step's.
        withUnsafeTemporaryAllocation(of: (cost: TileCost, offset: Int).self, capacity: 2 * LayerBlock.maximumOperations) { costs in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: LayerBlock.maximumCount) { levels in
                for layer in layers.reversed() {
                    let plan =
                        plans.first { $0.layer.hasSameWork(as: layer) }
                        ?? {
                            let plan = recordBackward(layer, into: &entries, levels, costs)
                            plans.append(plan)
                            return plan
                        }()
                    for e in plan.entries { ledger.add(entries[e].cost, copies: entries[e].copies, level: level + entries[e].level) }
                    level += plan.levelChange
                }
            }
        }
    }

    /// Tiles `layer`'s backward operations and weight updates once, appending them to
    /// `entries` with levels counted from the level of the layer result's gradient.
    private func recordBackward(
        _ layer: LayerStructure, into entries: inout [WorkEntry], _ levels: UnsafeMutableBufferPointer<Int>,
        _ costs: UnsafeMutableBufferPointer<(cost: TileCost, offset: Int)>
    ) -> LayerWorkPlan {
        let first = entries.count
        let inputGradient = layer.backwardLevels(levels, outputLevel: 0)
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
                        previous.right == right
                    {
                        for c in 0..<kept { entries.append(WorkEntry(cost: costs[c].cost, copies: copies, level: at + costs[c].offset)) }
                        continue
                    }
                    previous = (shape.kind, shape.load, left, right)
                    kept = 0
                    BackwardRule.forEachStep(of: shape.kind, hasLeftInputs: left, hasRightInputs: right, optimizer: optimizer) { op in
                        let cost = tile(op.kind, phase: .backward, load: op.loadValues, output: op.outputValues, outputKind: .gradient)
                        entries.append(WorkEntry(cost: cost, copies: copies, level: at))
                        costs[kept] = (cost, 0)
                        kept += 1
                        if op.produces == .weightGradient {
                            let update = update(shape.load)
                            entries.append(WorkEntry(cost: update, copies: copies, level: at + 1))
                            costs[kept] = (update, 1)
                            kept += 1
                        }
                    }
                }
            }
            switch layer.blocks[b].content {
            case .recipe(let recipe):
                add(recipe, layer.dimensions(of: b, instance: 0), copies: 1, from: levels[b])
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
        return LayerWorkPlan(layer: layer, entries: first..<entries.count, levelChange: inputGradient, values: 0)
    }
}
