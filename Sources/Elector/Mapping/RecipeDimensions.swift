/// The sizes a recipe's shapes are written in: the batch, the sequence and the layer's
/// widths, plus the input and output width of one stage of a stack (the feed-forward stack).
struct RecipeDimensions: Equatable {
    /// B, the batch size.
    let batch: Int
    /// N, the sequence length.
    let sequence: Int
    /// h, the layer's hidden size (the embedding's, for the embedding).
    let hidden: Int
    /// d, the layer's head size.
    let head: Int
    /// The hidden size feeding the layer.
    let previousHidden: Int
    /// A stack stage's input and output width.
    var stageInput = 0
    var stageOutput = 0
    /// When the recipe's weight matrix is held in tensor-train form, its products (the
    /// recipe's `weighted` step runs them instead of one dense matmul).
    var factored: FactoredProducts? = nil

    /// The value of `size`.
    @inline(__always)
    subscript(size: RecipeSize) -> Int {
        switch size {
        case .sequence: sequence
        case .hidden: hidden
        case .head: head
        case .previousHidden: previousHidden
        case .stageInput: stageInput
        case .stageOutput: stageOutput
        }
    }
}
