/// How a forward step's shape follows from the sizes (`RecipeDimensions`), as data rather
/// than a closure: the fast mode evaluates a few hundred per model, and a switch over a plain
/// value costs no indirect call or reference counting. B is the batch and N the sequence.
enum ShapeFormula: Sendable {
    /// Y[B, m, n] = X[B, m, k] . W[k, n]: an activation times a weight shared by the batch,
    /// which is loaded.
    case weighted(m: RecipeSize, k: RecipeSize, n: RecipeSize)
    /// Y[B, m, n] = X[B, m, k] . Z[B, k, n] of two activations.
    case activations(m: RecipeSize, k: RecipeSize, n: RecipeSize)
    /// Y[B, N, n] = T[N, N] . X[B, N, n] with T a stored (fixed, never pruned) matrix, loaded.
    case fixedTransform(n: RecipeSize)
    /// Y[B, N, n] = K[N, N] . X[B, N, n] with K a learned banded matrix of `kernel` non-zero
    /// diagonals, whose `kernel` x n values are loaded.
    case banded(kernel: Int, n: RecipeSize)
    /// A row-wise softmax over B x N rows of `columns` entries.
    case softmax(columns: RecipeSize)
    /// A row-wise layer-norm over B x N rows of `columns` entries.
    case layerNorm(columns: RecipeSize)
    /// Element-wise work over B x N x `width` values on the MAC lanes, `ops` MACs each,
    /// loading `loads` values from main memory for each.
    case elementwise(width: RecipeSize, ops: Int, loads: Int)

    /// The shape for `dims`.
    @inline(__always)
    func evaluate(_ dims: RecipeDimensions) -> RecipeShape {
        let B = dims.batch
        let N = dims.sequence
        switch self {
        case .weighted(let m, let k, let n):
            if let factored = dims.factored {
                return RecipeShape(kind: .factored(batch: B, products: factored, pass: .forward), load: factored.parameterCount)
            }
            let (m, k, n) = (dims[m], dims[k], dims[n])
            return RecipeShape(
                kind: .matmul(batch: B, m: m, k: k, n: n, left: .activation, right: .weight, bandedK: nil, sharedRight: true),
                load: k * n)
        case .activations(let m, let k, let n):
            return RecipeShape(
                kind: .matmul(
                    batch: B, m: dims[m], k: dims[k], n: dims[n], left: .activation, right: .activation,
                    bandedK: nil, sharedRight: false), load: 0)
        case .fixedTransform(let n):
            return RecipeShape(
                kind: .matmul(batch: B, m: N, k: N, n: dims[n], left: .fixed, right: .activation, bandedK: nil, sharedRight: false),
                load: N * N)
        case .banded(let kernel, let n):
            let n = dims[n]
            return RecipeShape(
                kind: .matmul(batch: B, m: N, k: N, n: n, left: .weight, right: .activation, bandedK: kernel, sharedRight: false),
                load: kernel * n)
        case .softmax(let columns):
            return RecipeShape(kind: .softmax(rows: B * N, columns: dims[columns]), load: 0)
        case .layerNorm(let columns):
            return RecipeShape(kind: .layerNorm(rows: B * N, columns: dims[columns]), load: 0)
        case .elementwise(let width, let ops, let loads):
            let values = B * N * dims[width]
            return RecipeShape(kind: .elementwise(elements: values, opsPerElement: ops, operand: .activation), load: loads * values)
        }
    }
}
