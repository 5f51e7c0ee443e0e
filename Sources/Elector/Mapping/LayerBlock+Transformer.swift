/// How FlexiBERT 2.0 strings its recipes together (paper Section III-B2): the embedding, then
/// each encoder layer.
extension LayerBlock {
    /// The embedding "layer" (layer 0): the summed embeddings and their layer-norm.
    static let embedding: [LayerBlock] = [
        LayerBlock(.recipe(.embedding), inputs: []),
        LayerBlock(.recipe(.layerNorm), inputs: [.block(0)]),
    ]

    /// An encoder layer: heads in parallel, the output projection, a residual and layer-norm,
    /// the feed-forward stack, a residual and layer-norm.
    static let layer: [LayerBlock] = [
        LayerBlock(.recipe(.projection), inputs: [.layerInput], onlyWhenWidthChanges: true, matrix: .projection),
        LayerBlock(.heads, inputs: [.block(0)]),
        LayerBlock(.recipe(.attentionOutput), inputs: [.block(1)], matrix: .attentionOutput),
        LayerBlock(.recipe(.residual), index: 1, inputs: [.block(2), .block(0)]),
        LayerBlock(.recipe(.layerNorm), index: 1, inputs: [.block(3)]),
        LayerBlock(.feedForwardStack(.feedForward), inputs: [.block(4)]),
        LayerBlock(.recipe(.residual), index: 2, inputs: [.block(5), .block(4)]),
        LayerBlock(.recipe(.layerNorm), index: 2, inputs: [.block(6)]),
    ]

    /// The most blocks a layer has (scratch space for the walks).
    static let maximumCount = max(embedding.count, layer.count)
    /// Every recipe a layer or the embedding uses.
    static let recipes: [OperationRecipe] = (embedding + layer).flatMap { block -> [OperationRecipe] in
        switch block.content {
        case .recipe(let recipe), .feedForwardStack(let recipe): [recipe]
        case .heads: OperationRecipe.heads
        }
    }
    /// The most inputs a block has, steps a recipe has, and backward operations a recipe has
    /// (scratch space for the walks).
    static let maximumInputs = (embedding + layer).map(\.inputs.count).max()!
    static let maximumSteps = recipes.map(\.steps.count).max()!
    static let maximumOperations = recipes.map(\.operationSteps.count).max()!
    /// The most backward buffer events a recipe has.
    static let maximumBackwardEvents = recipes.map(\.backwardEvents.count).max()!
    /// The most forward buffer events a recipe has.
    static let maximumForwardEvents = recipes.map { max($0.forwardEvents.count, $0.trainingForwardEvents.count) }.max()!
}
