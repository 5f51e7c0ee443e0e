/// What the controller's vector unit computes on each value of a tile (saturating to W bits).
package enum ElementwiseFunction: Int, Sendable, Equatable, CaseIterable {
    /// a + b (residual connections).
    case add = 0
    /// a + (s * b >> FL) (a weight update with s = -learning rate).
    case axpy = 1
    /// s * a >> FL.
    case scale = 2
    /// max(a, 0).
    case relu = 3
    /// a, stored as it is under an all-zero mask (ISA version 3): the dense form a word must
    /// have in main memory to be loaded as weight columns or block by block.
    case dense = 4

    package var name: String {
        switch self {
        case .add: return "add"
        case .axpy: return "axpy"
        case .scale: return "scale"
        case .relu: return "relu"
        case .dense: return "dense"
        }
    }
}
