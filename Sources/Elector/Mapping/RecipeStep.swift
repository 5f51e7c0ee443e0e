/// One forward operation of a recipe: its role in the label, where its operands come from
/// and its shape. Everything else about it (its dependency level, its backward operations,
/// who reads it last) follows from these and the backward rule (`BackwardRule`).
struct RecipeStep: Sendable {
    /// Where an operand comes from: one of the recipe's inputs, or an earlier step.
    enum Operand: Sendable, Equatable {
        case input(Int)
        case step(Int)
    }

    /// The role in the operation's label, e.g. `q` or `softmax`.
    let role: StaticString
    /// Activations feeding the left operand (or the only input, for non-matmuls). Empty when
    /// the left operand is a weight or a stored matrix.
    let left: [Operand]
    /// Activations feeding the right operand, when it is an activation too.
    let right: [Operand]
    /// The operation, for any sizes.
    let shape: ShapeFormula

    init(_ role: StaticString, left: [Operand] = [], right: [Operand] = [], _ shape: ShapeFormula) {
        self.role = role
        self.left = left
        self.right = right
        self.shape = shape
    }

    /// Every operand, left first.
    var operands: [Operand] { left + right }
}
