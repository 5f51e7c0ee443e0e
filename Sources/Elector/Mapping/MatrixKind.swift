/// What a matrix operand holds, which decides its DynaProp sparsity.
package enum MatrixKind: String, Sendable, Codable {
    case weight, activation, gradient
    /// A constant operand (DFT/DCT matrices, the DSC band) that DynaProp does not prune.
    case fixed
}
