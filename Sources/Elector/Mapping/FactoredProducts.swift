import TensorTrain

/// The matrix products a tensor-train weight matrix runs as, one per step of its
/// contraction path (HEAT's fused einsum mapping): each is X-side [m, k] times a core
/// reshaped to [k, n], m counted per sequence (it holds the sequence's tokens).
///
/// The forward pass runs them in path order. The input gradient runs them backwards, each
/// transposed: dLeft = dOut . core^T. The cores' gradients need every step's left operand,
/// which the forward pass does not keep (holding them would cost more buffer than the dense
/// matrix saves): the weight-gradient pass recomputes the steps but the last, then takes
/// each core's gradient Left^T . dOut, summed over the batch.
package struct FactoredProducts: Hashable, Sendable {
    /// One product's sizes (per sequence).
    package struct Product: Hashable, Sendable {
        package let m: Int
        package let k: Int
        package let n: Int
    }

    /// Which of the three passes an operation runs.
    package enum Pass: Hashable, Sendable {
        case forward, inputGradient, weightGradient
    }

    package let products: [Product]
    /// The contraction order, e.g. `((X G2) G1)`, for labels and tables.
    package let path: String

    package init(_ path: ContractionPath) {
        products = path.steps.map { Product(m: $0.m, k: $0.k, n: $0.n) }
        self.path = path.description
    }

    /// Values of the cores: each product's right operand.
    package var parameterCount: Int { products.reduce(0) { $0 + $1.k * $1.n } }
    /// Values of X per sequence (the first product's left operand) and of Y (the last's
    /// result).
    package var inputValues: Int { products[0].m * products[0].k }
    package var outputValues: Int { products[products.count - 1].m * products[products.count - 1].n }

    /// The matmuls of `pass` for a batch of `batch` sequences, in program order.
    package func matmuls(_ pass: Pass, batch: Int) -> [MappedOperation.Kind] {
        switch pass {
        case .forward:
            return products.map {
                .matmul(batch: batch, m: $0.m, k: $0.k, n: $0.n, left: .activation, right: .weight, bandedK: nil, sharedRight: true)
            }
        case .inputGradient:
            return products.reversed().map {
                .matmul(batch: batch, m: $0.m, k: $0.n, n: $0.k, left: .gradient, right: .weight, bandedK: nil, sharedRight: true)
            }
        case .weightGradient:
            let recompute = matmuls(.forward, batch: batch).dropLast()
            return recompute
                + products.map {
                    .matmul(
                        batch: 1, m: $0.k, k: batch * $0.m, n: $0.n, left: .activation, right: .gradient, bandedK: nil, sharedRight: false)
                }
        }
    }

    /// Values of the pass's result.
    package func outputValues(_ pass: Pass, batch: Int) -> Int {
        switch pass {
        case .forward: batch * outputValues
        case .inputGradient: batch * inputValues
        case .weightGradient: parameterCount
        }
    }
}
