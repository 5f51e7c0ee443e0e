/// One pairwise contraction of a path, as the matrix product the MAC lanes run:
/// [m, k] x [k, n], after the operands are laid out with their shared indices last (left)
/// and first (right), which the DMA's strided tile addressing does without a copy (HEAT's
/// fused einsum mapping).
package struct ContractionStep: Hashable, Sendable {
    /// The tensors contracted, as positions in the path's tensor list (the operands, then
    /// each earlier step's result in order).
    package let left: Int
    package let right: Int
    /// Free indices of the left operand, then the right's: the result's indices in order.
    package let resultIndices: [TensorIndex]
    /// The product's sizes: rows, contracted length and columns.
    package let m: Int
    package let k: Int
    package let n: Int
    /// Whether the left operand carries X (an activation); otherwise both operands are
    /// cores, and the product does not grow with the rows.
    package let leftIsActivation: Bool

    /// Multiply-accumulates of the product.
    package var macs: Int { m * k * n }
}
