/// What a matrix operand holds, which decides its DynaProp sparsity.
package enum MatrixKind: String, Sendable, Codable, CaseIterable {
    case weight, activation, gradient
    /// A constant operand (DFT/DCT matrices, the DSC band) that DynaProp does not prune.
    case fixed

    /// The position in `allCases`, for tables indexed by kind.
    var index: Int {
        switch self {
        case .weight: 0
        case .activation: 1
        case .gradient: 2
        case .fixed: 3
        }
    }
}
