import DesignSpace

/// The recipes of FlexiBERT 2.0's operations (paper Section III-B2), one per operation kind.
///
/// Conventions: every head receives its own input projection h -> d; LT heads multiply by the
/// stored N_T x N_T DFT (real part) or DCT matrix; DSC-k heads are the equivalent banded matrix
/// multiplication with k non-zero diagonals; a projection h_prev -> h joins layers of different
/// hidden size; the activation runs inside the MAC lanes of the feed-forward matmuls.
extension OperationRecipe {
    /// A head's input projection h -> d.
    private static func inputProjection(_ role: StaticString) -> RecipeStep {
        RecipeStep(role, left: [.input(0)], .weighted(m: .sequence, k: .hidden, n: .head))
    }

    /// Token + position + segment embeddings, looked up in main memory and summed.
    static let embedding = OperationRecipe(
        "embedding", inputs: 0,
        [
            RecipeStep("embedding", .elementwise(width: .hidden, ops: 2, loads: 3))
        ])

    /// A layer-norm over the hidden size.
    static let layerNorm = OperationRecipe(
        "layer-norm", inputs: 1,
        [
            RecipeStep("layer_norm", left: [.input(0)], .layerNorm(columns: .hidden))
        ])

    /// A residual addition of its two inputs.
    static let residual = OperationRecipe(
        "residual", inputs: 2,
        [
            RecipeStep("residual", left: [.input(0), .input(1)], .elementwise(width: .hidden, ops: 1, loads: 0))
        ])

    /// The projection h_prev -> h joining layers of different hidden size.
    static let projection = OperationRecipe(
        "projection", inputs: 1,
        [
            RecipeStep("projection", left: [.input(0)], .weighted(m: .sequence, k: .previousHidden, n: .hidden))
        ])

    /// The output projection h -> h over all heads' results.
    static let attentionOutput = OperationRecipe(
        "attention output", inputs: 1,
        [
            RecipeStep("output", left: [.input(0)], .weighted(m: .sequence, k: .hidden, n: .hidden))
        ])

    /// One stage of the feed-forward stack (the layer stacks as many as it has sizes, plus one
    /// back to h).
    static let feedForward = OperationRecipe(
        "feed-forward", inputs: 1,
        [
            RecipeStep("ff", left: [.input(0)], .weighted(m: .sequence, k: .stageInput, n: .stageOutput))
        ])

    /// An SA-SDP head: softmax(Q K^T) V. The 1/sqrt(h) scaling folds into the softmax input shift.
    static let selfAttention = OperationRecipe(
        "SA-SDP", inputs: 1,
        [
            inputProjection("q"),
            inputProjection("k"),
            inputProjection("v"),
            RecipeStep("scores", left: [.step(0)], right: [.step(1)], .activations(m: .sequence, k: .head, n: .sequence)),
            RecipeStep("softmax", left: [.step(3)], .softmax(columns: .sequence)),
            RecipeStep("context", left: [.step(4)], right: [.step(2)], .activations(m: .sequence, k: .sequence, n: .head)),
        ])

    /// An SA-WMA head: as SA-SDP, with Q multiplied by the learned d x d W_a first.
    static let weightedSelfAttention = OperationRecipe(
        "SA-WMA", inputs: 1,
        [
            inputProjection("q"),
            inputProjection("k"),
            inputProjection("v"),
            RecipeStep("q_wa", left: [.step(0)], .weighted(m: .sequence, k: .head, n: .head)),
            RecipeStep("scores", left: [.step(3)], right: [.step(1)], .activations(m: .sequence, k: .head, n: .sequence)),
            RecipeStep("softmax", left: [.step(4)], .softmax(columns: .sequence)),
            RecipeStep("context", left: [.step(5)], right: [.step(2)], .activations(m: .sequence, k: .sequence, n: .head)),
        ])

    /// An LT-DFT or LT-DCT head: the stored N x N transform matrix is the fixed left operand.
    static let linearTransform = OperationRecipe(
        "LT", inputs: 1,
        [
            inputProjection("v"),
            RecipeStep("transform", right: [.step(0)], .fixedTransform(n: .head)),
        ])

    /// A DSC-k head: the learned kernel becomes a banded N x N matrix with k non-zero diagonals.
    static func convolution(kernel: Int) -> OperationRecipe {
        OperationRecipe(
            "DSC-\(kernel)", inputs: 1,
            [
                inputProjection("v"),
                RecipeStep("conv", right: [.step(0)], .banded(kernel: kernel, n: .head)),
            ])
    }

    static let convolution5 = convolution(kernel: 5)
    static let convolution9 = convolution(kernel: 9)
    static let convolution13 = convolution(kernel: 13)

    /// Every head recipe, in the order the fast mode adds their work (identical heads of a
    /// layer are one entry with a count).
    static let heads: [OperationRecipe] = [
        selfAttention, weightedSelfAttention, linearTransform, convolution5, convolution9, convolution13,
    ]

    /// The index in `heads` of the recipe of `head`.
    static func headIndex(_ head: HeadOperation) -> Int {
        switch head {
        case .saSDP: 0
        case .saWMA: 1
        case .ltDFT, .ltDCT: 2
        case .dsc5: 3
        case .dsc9: 4
        case .dsc13: 5
        }
    }
}
