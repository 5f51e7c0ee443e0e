import DesignSpace

/// The recipes of FlexiBERT 2.0's operations (paper Section III-B2), one per operation kind.
///
/// Conventions: every head receives its own input projection h -> d; LT heads multiply by the
/// stored N_T x N_T DFT (real part) or DCT matrix; DSC-k heads are the equivalent banded matrix
/// multiplication with k non-zero diagonals; a projection h_prev -> h joins layers of different
/// hidden size; the activation runs inside the MAC lanes of the feed-forward matmuls.
extension OperationRecipe {
    /// Y[B, m, n] = X[B, m, k] . W[k, n] with an activation X and a weight W shared by the
    /// batch, loading the weight.
    private static func weighted(m: Int, k: Int, n: Int, batch: Int) -> RecipeShape {
        RecipeShape(kind: .matmul(batch: batch, m: m, k: k, n: n, left: .activation, right: .weight, bandedK: nil, sharedRight: true),
                    load: k * n)
    }

    /// Y[B, m, n] = X[B, m, k] . Z[B, k, n] of two activations.
    private static func activations(m: Int, k: Int, n: Int, batch: Int) -> RecipeShape {
        RecipeShape(kind: .matmul(batch: batch, m: m, k: k, n: n, left: .activation, right: .activation, bandedK: nil, sharedRight: false),
                    load: 0)
    }

    /// A head's input projection h -> d.
    private static func inputProjection(_ role: StaticString) -> RecipeStep {
        RecipeStep(role, left: [.input(0)]) { weighted(m: $0.sequence, k: $0.hidden, n: $0.head, batch: $0.batch) }
    }

    /// Token + position + segment embeddings, looked up in main memory and summed.
    static let embedding = OperationRecipe("embedding", inputs: 0, [
        RecipeStep("embedding") { dims in
            let values = dims.batch * dims.sequence * dims.hidden
            return RecipeShape(kind: .elementwise(elements: values, opsPerElement: 2, operand: .activation), load: 3 * values)
        },
    ])

    /// A layer-norm over the hidden size.
    static let layerNorm = OperationRecipe("layer-norm", inputs: 1, [
        RecipeStep("layer_norm", left: [.input(0)]) {
            RecipeShape(kind: .layerNorm(rows: $0.batch * $0.sequence, columns: $0.hidden), load: 0)
        },
    ])

    /// A residual addition of its two inputs.
    static let residual = OperationRecipe("residual", inputs: 2, [
        RecipeStep("residual", left: [.input(0), .input(1)]) {
            RecipeShape(kind: .elementwise(elements: $0.batch * $0.sequence * $0.hidden, opsPerElement: 1, operand: .activation), load: 0)
        },
    ])

    /// The projection h_prev -> h joining layers of different hidden size.
    static let projection = OperationRecipe("projection", inputs: 1, [
        RecipeStep("projection", left: [.input(0)]) { weighted(m: $0.sequence, k: $0.previousHidden, n: $0.hidden, batch: $0.batch) },
    ])

    /// The output projection h -> h over all heads' results.
    static let attentionOutput = OperationRecipe("attention output", inputs: 1, [
        RecipeStep("output", left: [.input(0)]) { weighted(m: $0.sequence, k: $0.hidden, n: $0.hidden, batch: $0.batch) },
    ])

    /// One stage of the feed-forward stack (the layer stacks as many as it has sizes, plus one
    /// back to h).
    static let feedForward = OperationRecipe("feed-forward", inputs: 1, [
        RecipeStep("ff", left: [.input(0)]) { weighted(m: $0.sequence, k: $0.stageInput, n: $0.stageOutput, batch: $0.batch) },
    ])

    /// An SA-SDP head: softmax(Q K^T) V. The 1/sqrt(h) scaling folds into the softmax input shift.
    static let selfAttention = OperationRecipe("SA-SDP", inputs: 1, [
        inputProjection("q"),
        inputProjection("k"),
        inputProjection("v"),
        RecipeStep("scores", left: [.step(0)], right: [.step(1)]) { activations(m: $0.sequence, k: $0.head, n: $0.sequence, batch: $0.batch) },
        RecipeStep("softmax", left: [.step(3)]) {
            RecipeShape(kind: .softmax(rows: $0.batch * $0.sequence, columns: $0.sequence), load: 0)
        },
        RecipeStep("context", left: [.step(4)], right: [.step(2)]) { activations(m: $0.sequence, k: $0.sequence, n: $0.head, batch: $0.batch) },
    ])

    /// An SA-WMA head: as SA-SDP, with Q multiplied by the learned d x d W_a first.
    static let weightedSelfAttention = OperationRecipe("SA-WMA", inputs: 1, [
        inputProjection("q"),
        inputProjection("k"),
        inputProjection("v"),
        RecipeStep("q_wa", left: [.step(0)]) { weighted(m: $0.sequence, k: $0.head, n: $0.head, batch: $0.batch) },
        RecipeStep("scores", left: [.step(3)], right: [.step(1)]) { activations(m: $0.sequence, k: $0.head, n: $0.sequence, batch: $0.batch) },
        RecipeStep("softmax", left: [.step(4)]) {
            RecipeShape(kind: .softmax(rows: $0.batch * $0.sequence, columns: $0.sequence), load: 0)
        },
        RecipeStep("context", left: [.step(5)], right: [.step(2)]) { activations(m: $0.sequence, k: $0.sequence, n: $0.head, batch: $0.batch) },
    ])

    /// An LT-DFT or LT-DCT head: the stored N x N transform matrix is the fixed left operand.
    static let linearTransform = OperationRecipe("LT", inputs: 1, [
        inputProjection("v"),
        RecipeStep("transform", right: [.step(0)]) { dims in
            let N = dims.sequence
            return RecipeShape(kind: .matmul(batch: dims.batch, m: N, k: N, n: dims.head, left: .fixed, right: .activation,
                                             bandedK: nil, sharedRight: false), load: N * N)
        },
    ])

    /// A DSC-k head: the learned kernel becomes a banded N x N matrix with k non-zero diagonals.
    static func convolution(kernel: Int) -> OperationRecipe {
        OperationRecipe("DSC-\(kernel)", inputs: 1, [
            inputProjection("v"),
            RecipeStep("conv", right: [.step(0)]) { dims in
                let N = dims.sequence
                return RecipeShape(kind: .matmul(batch: dims.batch, m: N, k: N, n: dims.head, left: .weight, right: .activation,
                                                 bandedK: kernel, sharedRight: false), load: kernel * dims.head)
            },
        ])
    }

    static let convolution5 = convolution(kernel: 5)
    static let convolution9 = convolution(kernel: 9)
    static let convolution13 = convolution(kernel: 13)

    /// Every head recipe, in the order the fast mode adds their work (identical heads of a
    /// layer are one entry with a count).
    static let heads: [OperationRecipe] = [selfAttention, weightedSelfAttention, linearTransform, convolution5, convolution9, convolution13]

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
