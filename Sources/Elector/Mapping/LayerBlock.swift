import DesignSpace

/// One block of a layer: a recipe (or the layer's heads, or a stack of one recipe) applied
/// to the layer's input or to earlier blocks' results. The blocks of `LayerBlock.layer`
/// are the one description of how a layer strings its operations together; the mapper and
/// both walks of the fast mode follow it.
struct LayerBlock: Sendable {
    /// What the block computes.
    enum Content: Sendable {
        /// One instance of a recipe.
        case recipe(OperationRecipe)
        /// Every head of the layer, each by its own recipe, all reading the same input; the
        /// block's result is all their results together.
        case heads
        /// One instance per feed-forward stage (the layer's sizes, then back to h), each
        /// reading the one before.
        case feedForwardStack(OperationRecipe)
    }

    /// Where an input comes from.
    enum Source: Sendable, Equatable, Comparable {
        /// The layer's input (the previous layer's result, the embedding's for the first).
        case layerInput
        /// The result of an earlier block of the layer.
        case block(Int)
    }

    let content: Content
    /// The label index of the block's operations (residual 1 or 2, layer-norm 1 or 2).
    let index: Int
    /// One source per recipe input.
    let inputs: [Source]
    /// Present only when the layer's hidden size differs from its input's (the projection);
    /// when absent, its input stands for its result.
    let onlyWhenWidthChanges: Bool
    /// The weight matrix of a one-recipe block that a model may hold in tensor-train form
    /// (the feed-forward stack's stages are `.feedForward(i)` by instance).
    let matrix: DecomposedMatrix?

    init(
        _ content: Content, index: Int = 0, inputs: [Source], onlyWhenWidthChanges: Bool = false, matrix: DecomposedMatrix? = nil
    ) {
        self.content = content
        self.index = index
        self.inputs = inputs
        self.onlyWhenWidthChanges = onlyWhenWidthChanges
        self.matrix = matrix
    }
}
