/// One hardware-mappable operation of a transformer workload (paper Section III-B2).
package struct MappedOperation: Sendable, Hashable {
    /// Which hardware module class executes the operation.
    package enum Unit: String, Sendable, Codable, CaseIterable {
        case macLane = "mac_lanes"
        case softmax
        case layerNorm = "layer_norm"
    }

    /// Forward pass, backward pass or weight update (paper Table I).
    package enum Phase: String, Sendable, Codable, CaseIterable {
        case forward, backward, update
    }

    /// What is computed.
    package enum Kind: Sendable, Hashable {
        /// Y[B, m, n] = X[B, m, k] . W[k, n]; `bandedK` (DSC as a banded matrix) limits the
        /// k-tiles that hold non-zeros. `sharedRight` is true when W is shared by the batch.
        case matmul(batch: Int, m: Int, k: Int, n: Int, left: MatrixKind, right: MatrixKind, bandedK: Int?, sharedRight: Bool)
        /// Row-wise softmax (or its backward) over `rows` rows of `columns` entries.
        case softmax(rows: Int, columns: Int)
        /// Row-wise layer-norm (or its backward).
        case layerNorm(rows: Int, columns: Int)
        /// Element-wise work on the MAC lanes: residual additions, activation derivatives,
        /// weight updates; `opsPerElement` MACs per element.
        case elementwise(elements: Int, opsPerElement: Int, operand: MatrixKind)
        /// One pass of a tensor-train weight matrix (HEAT): its products, run one after the
        /// other on the MAC lanes (`FactoredProducts`).
        case factored(batch: Int, products: FactoredProducts, pass: FactoredProducts.Pass)
    }

    package let id: Int
    package let label: OperationLabel
    /// Readable name, e.g. `layer1.head2.sa_sdp.scores.grad_left`.
    package var name: String { label.name(layer: layer) }
    package let layer: Int
    package let phase: Phase
    package let kind: Kind
    /// Operations whose results this one needs.
    package let dependencies: [Int]
    /// Dense values loaded from main memory before the operation can run (weights, embeddings).
    package let loadValues: Int
    /// Dense values written back to main memory (updated weights).
    package let storeValues: Int
    /// Dense values the operation produces into the activation/gradient buffer.
    package let outputValues: Int
    /// Matrix kind of the output (activation or gradient).
    package let outputKind: MatrixKind

    package var unit: Unit {
        switch kind {
        case .matmul, .elementwise, .factored: .macLane
        case .softmax: .softmax
        case .layerNorm: .layerNorm
        }
    }

    /// Dense multiply-accumulates (for matmuls, counting DSC's band only).
    package var denseMACs: Int { kind.denseMACs }
}

extension MappedOperation.Kind {
    /// Dense multiply-accumulates (for matmuls, counting DSC's band only).
    package var denseMACs: Int {
        switch self {
        case .matmul(let b, let m, let k, let n, _, _, let banded, _): b * m * (banded ?? k) * n
        case .elementwise(let e, let ops, _): e * ops
        case .softmax, .layerNorm: 0
        case .factored(let batch, let products, let pass):
            products.matmuls(pass, batch: batch).reduce(0) { $0 + $1.denseMACs }
        }
    }
}
