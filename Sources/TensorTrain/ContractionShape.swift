import DesignSpace

/// The tensor network of Y[rows, N] = X[rows, K] W for one tensor-train shape: X with
/// indices `rows, k_1 ... k_d`, and core i with `r_{i-1}, k_i, n_i, r_i` (the boundary bonds
/// of size 1 left out).
package struct ContractionShape: Hashable, Sendable {
    package let tensorTrain: TensorTrainShape
    /// Rows of X: tokens times sequences.
    package let rows: Int

    package init(tensorTrain: TensorTrainShape, rows: Int) {
        self.tensorTrain = tensorTrain
        self.rows = rows
    }

    /// The operands' indices: X first, then the cores in order.
    package var operandIndices: [[TensorIndex]] {
        let d = tensorTrain.coreCount
        let x: [TensorIndex] = [.rows] + (0..<d).map { .input($0) }
        let cores = (0..<d).map { i -> [TensorIndex] in
            (i > 0 ? [.bond(i)] : []) + [.input(i), .output(i)] + (i < d - 1 ? [.bond(i + 1)] : [])
        }
        return [x] + cores
    }

    /// The size of an index.
    package func size(_ index: TensorIndex) -> Int {
        switch index {
        case .rows: rows
        case .input(let i): tensorTrain.inputFactors[i]
        case .output(let i): tensorTrain.outputFactors[i]
        case .bond(let i): tensorTrain.bondRanks[i]
        }
    }

    /// The product of two tensors with these indices: the one holding X's rows on the left;
    /// `left` and `right` are their positions in the path's tensor list.
    func step(_ a: [TensorIndex], _ b: [TensorIndex], left: Int, right: Int) -> ContractionStep {
        let swap = b.contains(.rows)
        let (l, r) = swap ? (b, a) : (a, b)
        let shared = Set(l).intersection(r)
        let freeLeft = l.filter { !shared.contains($0) }
        let freeRight = r.filter { !shared.contains($0) }
        let product = { (indices: [TensorIndex]) in indices.reduce(1) { $0 * self.size($1) } }
        return ContractionStep(
            left: swap ? right : left, right: swap ? left : right, resultIndices: freeLeft + freeRight, m: product(freeLeft),
            k: product(l.filter { shared.contains($0) }), n: product(freeRight), leftIsActivation: l.contains(.rows))
    }
}
