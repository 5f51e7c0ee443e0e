import DesignSpace
import Testing

@testable import TensorTrain

/// Tensor-train numerics and contraction paths (HEAT): every path computes the dense
/// product, TT-SVD reconstructs at full rank and its truncation error follows the
/// discarded singular values.
@Suite struct ContractionTests {
    /// Deterministic values in [-1, 1).
    static func values(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 52) - 1
        }
    }

    static func matmul(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for p in 0..<k { for j in 0..<n { c[i * n + j] += a[i * k + p] * b[p * n + j] } } }
        return c
    }

    static func shape(_ input: [Int], _ output: [Int], _ ranks: [Int]) throws -> TensorTrainShape {
        try TensorTrainShape(
            inputFactors: input, outputFactors: output, ranks: ranks, rows: input.reduce(1, *), columns: output.reduce(1, *),
            field: "test")
    }

    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max()!
    }

    @Test(arguments: [([4, 2, 3], [2, 3, 2], [3, 4]), ([8, 4], [4, 8], [5]), ([2, 2, 2, 2], [2, 3, 2, 2], [2, 3, 2])])
    func everyPathComputesTheDenseProduct(input: [Int], output: [Int], ranks: [Int]) throws {
        let s = try Self.shape(input, output, ranks)
        let coreValues = ContractionShape(tensorTrain: s, rows: 1).operandIndices.dropFirst().enumerated().map { i, axes in
            Self.values(axes.map { ContractionShape(tensorTrain: s, rows: 1).size($0) }.reduce(1, *), seed: UInt64(i + 1))
        }
        let w = try TensorTrainMatrix(shape: s, coreValues: coreValues)
        let rows = 5
        let (k, n) = (input.reduce(1, *), output.reduce(1, *))
        let x = Self.values(rows * k, seed: 99)
        let expected = Self.matmul(x, w.dense(), m: rows, k: k, n: n)
        let network = ContractionShape(tensorTrain: s, rows: rows)
        var paths = ContractionPathSearch.sequentialPaths(network)
        paths.append(ContractionPathSearch(trees: .any).best(network) { Double($0.macs) })
        paths.append(ContractionPathSearch(trees: .sequential).best(network) { Double($0.macs) })
        // A cost that prefers core products first exercises the trees the mapper does not use.
        paths.append(ContractionPathSearch(trees: .any).best(network) { $0.leftIsActivation ? Double($0.macs) * 100 : 1 })
        for path in paths {
            #expect(Self.maxDifference(w.apply(x, rows: rows, path: path), expected) < 1e-9, "path \(path.description)")
            #expect(path.steps.count == s.coreCount)
        }
    }

    @Test func theSearchFindsTheCheapestSequentialOrder() throws {
        let s = try Self.shape([4, 8, 4], [16, 2, 16], [8, 8])
        let network = ContractionShape(tensorTrain: s, rows: 256)
        let cheapest = ContractionPathSearch.sequentialPaths(network).map(\.macs).min()!
        let found = ContractionPathSearch(trees: .sequential).best(network) { Double($0.macs) }
        #expect(found.macs == cheapest)
        #expect(Double(found.macs) == found.cost)
        // Every sequential step has X on the left and one core on the right.
        #expect(found.steps.allSatisfy { $0.leftIsActivation })
        // Any tree can only do as well or better.
        #expect(ContractionPathSearch(trees: .any).best(network) { Double($0.macs) }.cost <= found.cost)
        // A different cost picks by that cost: here, the fewest intermediate values.
        let lean = ContractionPathSearch(trees: .sequential).best(network) { Double($0.m * $0.n) }
        #expect(ContractionPathSearch.sequentialPaths(network).allSatisfy { $0.steps.reduce(0) { $0 + $1.m * $1.n } >= Int(lean.cost) })
    }

    @Test func fullRankDecompositionReconstructsTheMatrix() throws {
        let (k, n) = (12, 8)
        let w = Self.values(k * n, seed: 7)
        // Full ranks: bond 1 of [3, 4] x [2, 4] carries min(6, 16) = 6.
        let s = try Self.shape([3, 4], [2, 4], [6])
        let d = try TensorTrainMatrix.decomposing(w, into: s)
        #expect(Self.maxDifference(d.matrix.dense(), w) < 1e-12)
        #expect(d.errorBound < 1e-12)
        let s3 = try Self.shape([2, 3, 2], [2, 2, 2], [4, 4])
        #expect(Self.maxDifference(try TensorTrainMatrix.decomposing(w, into: s3).matrix.dense(), w) < 1e-12)
    }

    @Test func truncationErrorFollowsTheDiscardedSingularValues() throws {
        let w = Self.values(16 * 16, seed: 11)
        func error(_ d: TensorTrainMatrix.Decomposition) -> Double {
            zip(d.matrix.dense(), w).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        }
        // Two cores: the error is exactly the discarded singular values' norm.
        for rank in [1, 3, 8] {
            let d = try TensorTrainMatrix.decomposing(w, into: try Self.shape([4, 4], [4, 4], [rank]))
            #expect(abs(error(d) - d.errorBound) < 1e-9 * max(1, d.errorBound))
            #expect(d.discarded[0].count == 16 - rank)
        }
        // Three cores: bounded by it, and lower ranks never do better.
        var previous = 0.0
        for rank in [4, 2, 1] {
            let d = try TensorTrainMatrix.decomposing(w, into: try Self.shape([4, 2, 2], [4, 2, 2], [rank, rank]))
            #expect(error(d) <= d.errorBound + 1e-9)
            #expect(error(d) >= previous - 1e-9)
            previous = error(d)
        }
    }

    @Test func aMatrixOfTheWrongSizeIsRefused() throws {
        #expect(throws: TensorTrainError.sizeMismatch(what: "the weight matrix", got: 10, expected: 64)) {
            try TensorTrainMatrix.decomposing([Double](repeating: 0, count: 10), into: try Self.shape([2, 4], [2, 4], [2]))
        }
    }
}
