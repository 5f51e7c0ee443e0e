/// Every way a tensor-train computation can be asked for wrongly.
package enum TensorTrainError: Error, Equatable, CustomStringConvertible {
    /// A matrix's size does not match the shape it is decomposed into.
    case sizeMismatch(what: String, got: Int, expected: Int)
    /// LAPACK's SVD did not converge.
    case svdFailed(info: Int32)

    package var description: String {
        switch self {
        case .sizeMismatch(let what, let got, let expected):
            "\(what) has \(got) values: expected \(expected)"
        case .svdFailed(let info):
            "the singular value decomposition (LAPACK dgesdd) failed with info \(info): the matrix holds a NaN or infinity"
        }
    }
}
