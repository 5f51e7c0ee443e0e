/// One index of the tensor network of Y = X W with W in tensor-train form.
package enum TensorIndex: Hashable, Comparable, Sendable {
    /// The rows of X and Y (tokens times batch), never contracted.
    case rows
    /// k_i, the i-th factor of W's input width (0-based), shared by X and core i.
    case input(Int)
    /// n_i, the i-th factor of W's output width, owned by core i and kept in Y.
    case output(Int)
    /// r_i, the bond between core i-1 and core i (1 to d-1).
    case bond(Int)
}
