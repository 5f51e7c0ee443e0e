/// One hardware-mappable operation of a transformer workload (paper Section III-B2).
public struct MappedOperation: Sendable, Hashable {
    /// Which hardware module class executes the operation.
    public enum Unit: String, Sendable, Codable, CaseIterable {
        case macLane = "mac_lanes", softmax, layerNorm = "layer_norm"
    }

    /// Forward pass, backward pass or weight update (paper Table I).
    public enum Phase: String, Sendable, Codable, CaseIterable {
        case forward, backward, update
    }

    /// What is computed.
    public enum Kind: Sendable, Hashable {
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
    }

    public let id: Int
    public let label: OperationLabel
    /// Readable name, e.g. `layer1.head2.sa_sdp.scores.grad_left`.
    public var name: String { label.name(layer: layer) }
    public let layer: Int
    public let phase: Phase
    public let kind: Kind
    /// Operations whose results this one needs.
    public let dependencies: [Int]
    /// Dense values loaded from main memory before the operation can run (weights, embeddings).
    public let loadValues: Int
    /// Dense values written back to main memory (updated weights).
    public let storeValues: Int
    /// Dense values the operation produces into the activation/gradient buffer.
    public let outputValues: Int
    /// Matrix kind of the output (activation or gradient).
    public let outputKind: MatrixKind

    public var unit: Unit {
        switch kind {
        case .matmul, .elementwise: .macLane
        case .softmax: .softmax
        case .layerNorm: .layerNorm
        }
    }

    /// Dense multiply-accumulates (for matmuls, counting DSC's band only).
    public var denseMACs: Int {
        switch kind {
        case .matmul(let b, let m, let k, let n, _, _, let banded, _): b * m * (banded ?? k) * n
        case .elementwise(let e, let ops, _): e * ops
        case .softmax, .layerNorm: 0
        }
    }
}
