import DesignSpace

/// The matrices the search decomposes alike. HEAT chooses shape and rank per layer kind; the
/// search does the same per group, with each matrix of a group shaped at the same place along
/// its own balance order (`DecompositionSpace.shapesByBalance`), since a heterogeneous model's
/// matrices differ in size from layer to layer.
package enum MatrixGroup: Int, CaseIterable, Sendable {
    /// The stages of every feed-forward stack.
    case feedForward
    /// The output projection and the projection between layers of different width.
    case attention

    /// The group `matrix` belongs to.
    package init(_ matrix: DecomposedMatrix) {
        switch matrix {
        case .feedForward: self = .feedForward
        case .attentionOutput, .projection: self = .attention
        }
    }

    /// The name in messages and CSV columns.
    package var name: String {
        switch self {
        case .feedForward: "ff"
        case .attention: "attention"
        }
    }
}
