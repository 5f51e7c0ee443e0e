import DesignSpace

/// A weight matrix W[K, N] held as tensor-train cores: core i is a `LabeledTensor` with
/// axes `r_{i-1}, k_i, n_i, r_i` (boundary bonds left out). W's row index is k_1 ... k_d
/// and its column index n_1 ... n_d, each row-major (k_1 most significant).
package struct TensorTrainMatrix: Sendable {
    package let shape: TensorTrainShape
    package var cores: [LabeledTensor<Double>]

    /// Cores from their values, in the axis order above.
    package init(shape: TensorTrainShape, coreValues: [[Double]]) throws {
        self.shape = shape
        let probe = ContractionShape(tensorTrain: shape, rows: 1)
        let axes = Array(probe.operandIndices.dropFirst())
        var cores: [LabeledTensor<Double>] = []
        for (i, (indices, values)) in zip(axes, coreValues).enumerated() {
            let sizes = indices.map(probe.size)
            guard values.count == sizes.reduce(1, *) else {
                throw TensorTrainError.sizeMismatch(what: "core \(i + 1)", got: values.count, expected: sizes.reduce(1, *))
            }
            cores.append(LabeledTensor(indices: indices, sizes: sizes, values: values))
        }
        self.cores = cores
    }

    /// W[K, N] with every core multiplied out.
    package func dense() -> [Double] {
        var t = cores[0]
        for core in cores.dropFirst() { t = t.contracted(with: core) }
        let d = shape.coreCount
        return t.permuted(to: (0..<d).map { .input($0) } + (0..<d).map { .output($0) }).values
    }

    /// Y[rows, N] = X[rows, K] W, contracted along `path` (whose shape must be this one's
    /// with X's row count).
    package func apply(_ x: [Double], rows: Int, path: ContractionPath) -> [Double] {
        precondition(path.shape == ContractionShape(tensorTrain: shape, rows: rows), "path for another shape")
        let d = shape.coreCount
        let xIndices: [TensorIndex] = [.rows] + (0..<d).map { .input($0) }
        var tensors = [LabeledTensor<Double>(indices: xIndices, sizes: [rows] + shape.inputFactors, values: x)] + cores
        for step in path.steps { tensors.append(tensors[step.left].contracted(with: tensors[step.right])) }
        return tensors.last!.permuted(to: [.rows] + (0..<d).map { .output($0) }).values
    }
}
