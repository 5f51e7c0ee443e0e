import DesignSpace

/// One layer of a model as the mapper and the fast mode see it: its blocks (`LayerBlock`),
/// the sizes its recipes take, and its heads, which the fast mode counts per recipe. The
/// embedding is layer 0.
struct LayerStructure {
    /// 0 for the embedding, j + 1 for encoder layer j.
    let number: Int
    let blocks: [LayerBlock]
    let dimensions: RecipeDimensions
    /// The heads in program order (none for the embedding).
    let heads: [HeadOperation]
    /// The feed-forward stack's inner sizes (the last stage returns to h).
    let feedForward: [Int]
    /// A projection from the previous layer's hidden size precedes the heads.
    let hasProjection: Bool
    /// Heads per head recipe.
    let headCounts: HeadCounts
    /// Which block reads which.
    let wiring: LayerWiring
    /// The products of the layer's tensor-train matrices (none for a dense layer).
    let factored: [DecomposedMatrix: FactoredProducts]

    /// The hidden size feeding layer `j` of `model`.
    static func previousHiddenSize(in model: TransformerModel, layer j: Int) -> Int {
        model.layers[j > 0 ? j - 1 : 0].hiddenSize
    }

    /// The embedding of `model`.
    static func embedding(of model: TransformerModel, batchSize: Int, sequenceLength: Int) -> LayerStructure {
        let h0 = model.layers[0].hiddenSize
        return LayerStructure(
            number: 0, blocks: LayerBlock.embedding,
            dimensions: RecipeDimensions(batch: batchSize, sequence: sequenceLength, hidden: h0, head: 0, previousHidden: h0),
            heads: [], feedForward: [], hasProjection: false)
    }

    /// Encoder layer `j` of `model`, its tensor-train matrices contracted as `plans` says.
    init(_ model: TransformerModel, layer j: Int, batchSize: Int, sequenceLength: Int, plans: ContractionPlans = .none) {
        let layer = model.layers[j]
        let previous = Self.previousHiddenSize(in: model, layer: j)
        self.init(
            number: j + 1, blocks: LayerBlock.layer,
            dimensions: RecipeDimensions(
                batch: batchSize, sequence: sequenceLength, hidden: layer.hiddenSize, head: layer.headSize,
                previousHidden: previous),
            heads: layer.heads, feedForward: layer.feedForward, hasProjection: previous != layer.hiddenSize,
            factored: j < plans.layers.count ? plans.layers[j] : [:])
    }

    private init(
        number: Int, blocks: [LayerBlock], dimensions: RecipeDimensions, heads: [HeadOperation], feedForward: [Int],
        hasProjection: Bool, factored: [DecomposedMatrix: FactoredProducts] = [:]
    ) {
        self.number = number
        self.blocks = blocks
        self.dimensions = dimensions
        self.heads = heads
        self.feedForward = feedForward
        self.hasProjection = hasProjection
        headCounts = HeadCounts(heads)
        self.factored = factored
        wiring = number == 0 ? .embedding : hasProjection ? .projectedLayer : .layer
    }

    /// Whether `other` has the same operations at the same relative levels: the same
    /// arrangement, sizes, head counts per recipe and feed-forward stack. (The heads' order
    /// matters to labels and liveness, not to the work, which counts heads per recipe.)
    func hasSameWork(as other: LayerStructure) -> Bool {
        wiring === other.wiring && dimensions == other.dimensions && headCounts == other.headCounts
            && feedForward == other.feedForward && factored == other.factored
    }

    // MARK: Blocks and their instances

    /// Whether block `b` is part of this layer.
    func isPresent(_ b: Int) -> Bool { wiring.present[b] }

    /// Where input `i` of block `b` really comes from (an absent block passes its input
    /// through).
    func source(of b: Int, input i: Int) -> LayerBlock.Source { wiring.sources[b * LayerBlock.maximumInputs + i] }

    /// The present blocks reading `source`'s result, in block order.
    func readers(of source: LayerBlock.Source) -> [LayerWiring.Reader] { wiring.readers[LayerWiring.index(of: source)] }

    /// Instances of block `b`: one per head, per feed-forward stage, or one.
    func instances(of b: Int) -> Int {
        switch blocks[b].content {
        case .recipe: 1
        case .heads: heads.count
        case .feedForwardStack: feedForward.count + 1
        }
    }

    /// The recipe of instance `i` of block `b`.
    func recipe(of b: Int, instance i: Int) -> OperationRecipe {
        switch blocks[b].content {
        case .recipe(let recipe), .feedForwardStack(let recipe): recipe
        case .heads: OperationRecipe.heads[OperationRecipe.headIndex(heads[i])]
        }
    }

    /// The sizes of instance `i` of block `b` (a feed-forward stage's widths), and the
    /// products of its weight matrix when that is held in tensor-train form.
    func dimensions(of b: Int, instance i: Int) -> RecipeDimensions {
        switch blocks[b].content {
        case .heads:
            return dimensions
        case .recipe:
            guard !factored.isEmpty, let matrix = blocks[b].matrix else { return dimensions }
            var dims = dimensions
            dims.factored = factored[matrix]
            return dims
        case .feedForwardStack:
            var dims = dimensions
            dims.stageInput = i > 0 ? feedForward[i - 1] : dimensions.hidden
            dims.stageOutput = i < feedForward.count ? feedForward[i] : dimensions.hidden
            if !factored.isEmpty { dims.factored = factored[.feedForward(i)] }
            return dims
        }
    }

    /// The label of step `s` of instance `i` of block `b`.
    func label(of b: Int, instance i: Int, step s: Int) -> OperationLabel {
        let role = recipe(of: b, instance: i).steps[s].role
        switch blocks[b].content {
        case .recipe: return OperationLabel(role: role, index: blocks[b].index)
        case .heads: return OperationLabel(head: i + 1, headOperation: heads[i], role: role)
        case .feedForwardStack: return OperationLabel(role: role, index: i + 1)
        }
    }

    /// Heads whose recipe is `OperationRecipe.heads[r]`.
    func headCount(recipe r: Int) -> Int { headCounts[r] }

    // MARK: Dependency depths

    /// Levels from block `b`'s inputs to its result: the deepest head's, for the heads.
    func depth(of b: Int) -> Int {
        switch blocks[b].content {
        case .recipe(let recipe): return recipe.depth
        case .feedForwardStack(let recipe): return instances(of: b) * recipe.depth
        case .heads:
            var depth = 0
            for (r, recipe) in OperationRecipe.heads.enumerated() where headCount(recipe: r) > 0 { depth = max(depth, recipe.depth) }
            return depth
        }
    }

    /// Levels from the gradient of block `b`'s result to its last operation reading input `i`
    /// (the input's gradient comes one later).
    func inputGradientDepth(of b: Int, input i: Int) -> Int {
        switch blocks[b].content {
        case .recipe(let recipe): return recipe.inputGradientDepths[i]
        case .feedForwardStack(let recipe):
            let g = recipe.inputGradientDepths[0]
            return (instances(of: b) - 1) * (1 + g) + g
        case .heads:
            var depth = 0
            for (r, recipe) in OperationRecipe.heads.enumerated() where headCount(recipe: r) > 0 {
                depth = max(depth, recipe.inputGradientDepths[i])
            }
            return depth
        }
    }

    /// The level of each block's result, given the level of the layer's input: one past its
    /// latest input's, plus its depth. Returns the level of the layer's result.
    func forwardLevels(_ levels: UnsafeMutableBufferPointer<Int>, inputLevel: Int) -> Int {
        for b in blocks.indices where isPresent(b) {
            levels[b] = inputsLevel(of: b, levels, inputLevel: inputLevel) + depth(of: b)
        }
        return levels[blocks.count - 1]
    }

    /// The level block `b`'s steps count from: its latest input's (the layer input's when it
    /// reads nothing).
    func inputsLevel(of b: Int, _ levels: UnsafeMutableBufferPointer<Int>, inputLevel: Int) -> Int {
        var level = blocks[b].inputs.isEmpty ? inputLevel : Int.min
        for i in blocks[b].inputs.indices {
            switch source(of: b, input: i) {
            case .layerInput: level = max(level, inputLevel)
            case .block(let a): level = max(level, levels[a])
            }
        }
        return level
    }

    /// The level of each block's result's gradient (of the backward operations of its last
    /// step), given that of the layer's result: one past the latest of its readers'. Returns
    /// the level of the layer input's gradient.
    func backwardLevels(_ levels: UnsafeMutableBufferPointer<Int>, outputLevel: Int) -> Int {
        let last = blocks.count - 1
        levels[last] = outputLevel
        for b in stride(from: last - 1, through: 0, by: -1) where isPresent(b) {
            levels[b] = gradientLevel(of: .block(b), levels)
        }
        return gradientLevel(of: .layerInput, levels)
    }

    /// One past the latest backward operation reading `source`.
    private func gradientLevel(of source: LayerBlock.Source, _ levels: UnsafeMutableBufferPointer<Int>) -> Int {
        var level = Int.min
        for reader in readers(of: source) {
            level = max(level, levels[reader.block] + inputGradientDepth(of: reader.block, input: reader.input) + 1)
        }
        return level
    }

    /// An upper bound on the levels the layer spans, forward and (in training) backward: a
    /// recipe's backward operations span no more levels than its forward ones, plus one for
    /// the weight updates and one between blocks.
    func levelBound(training: Bool) -> Int {
        var forward = 0
        for b in blocks.indices where isPresent(b) { forward += depth(of: b) }
        return training ? 2 * forward + 2 * blocks.count : forward
    }
}
