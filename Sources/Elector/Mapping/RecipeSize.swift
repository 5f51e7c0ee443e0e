/// A size a recipe's shapes are written in, resolved by `RecipeDimensions`.
enum RecipeSize: Sendable {
    /// N.
    case sequence
    /// h.
    case hidden
    /// d.
    case head
    /// The hidden size feeding the layer.
    case previousHidden
    /// A stack stage's input and output widths.
    case stageInput, stageOutput
}
