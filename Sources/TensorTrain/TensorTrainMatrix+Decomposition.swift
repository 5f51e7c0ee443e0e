import DesignSpace

extension TensorTrainMatrix {
    /// The result of decomposing a dense matrix.
    package struct Decomposition: Sendable {
        package let matrix: TensorTrainMatrix
        /// The singular values discarded at each bond, largest first.
        package let discarded: [[Double]]

        /// Oseledets' bound on the Frobenius error: the root of the sum of the squares of
        /// every discarded singular value (exact for two cores).
        package var errorBound: Double {
            discarded.joined().reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
    }

    /// TT-SVD (Oseledets 2011, Algorithm 1) of W[K, N] into `shape`, truncating bond i to
    /// `shape.ranks[i]` singular values: W's tensor, with axes interleaved as
    /// (k_1 n_1)(k_2 n_2)..., is unfolded one core at a time; each core is the leading left
    /// singular vectors, and the rest carries on scaled by the kept singular values.
    package static func decomposing(_ w: [Double], into shape: TensorTrainShape) throws -> Decomposition {
        let d = shape.coreCount
        let k = shape.inputFactors
        let n = shape.outputFactors
        let rows = k.reduce(1, *)
        let columns = n.reduce(1, *)
        guard w.count == rows * columns else {
            throw TensorTrainError.sizeMismatch(what: "the weight matrix", got: w.count, expected: rows * columns)
        }
        let input = LabeledTensor<Double>(
            indices: (0..<d).map { .input($0) } + (0..<d).map { .output($0) }, sizes: k + n, values: w)
        let interleaved = input.permuted(to: (0..<d).flatMap { [TensorIndex.input($0), .output($0)] })
        var rest = interleaved.values
        var rank = 1
        var coreValues: [[Double]] = []
        var discarded: [[Double]] = []
        for i in 0..<(d - 1) {
            let m = rank * k[i] * n[i]
            let cols = rest.count / m
            let svd = try SingularValueDecomposition(rest, rows: m, columns: cols)
            let kept = shape.ranks[i]
            let p = svd.singularValues.count
            discarded.append(Array(svd.singularValues[min(kept, p)...]))
            // The core: the first `kept` columns of U (padded with zeros if the unfolding has
            // fewer), row-major as r_{i-1}, k_i, n_i, r_i.
            var core = [Double](repeating: 0, count: m * kept)
            for row in 0..<m { for c in 0..<min(kept, p) { core[row * kept + c] = svd.u[row * p + c] } }
            coreValues.append(core)
            // The rest: diag(s) V^T's first `kept` rows.
            var next = [Double](repeating: 0, count: kept * cols)
            for r in 0..<min(kept, p) { for c in 0..<cols { next[r * cols + c] = svd.singularValues[r] * svd.vt[r * cols + c] } }
            rest = next
            rank = kept
        }
        coreValues.append(rest)
        return Decomposition(matrix: try TensorTrainMatrix(shape: shape, coreValues: coreValues), discarded: discarded)
    }
}
