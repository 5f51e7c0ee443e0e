import DesignSpace
import TensorTrain
import Testing

@testable import Training

/// The trainer's tensor-train layer (HEAT): gradient checks, and the same function as the
/// dense layer its cores multiply out to.
@Suite struct TensorTrainLinearTests {
    let context = ComputeContext()

    static func shape(_ input: [Int], _ output: [Int], _ ranks: [Int]) throws -> TensorTrainShape {
        try TensorTrainShape(
            inputFactors: input, outputFactors: output, ranks: ranks, rows: input.reduce(1, *), columns: output.reduce(1, *),
            field: "test")
    }

    @Test(arguments: [([2, 3], [3, 2], [2]), ([2, 2, 3], [2, 3, 2], [3, 2]), ([3, 2, 2], [2, 2, 2], [2, 4])])
    func gradientsMatchFiniteDifferences(input: [Int], output: [Int], ranks: [Int]) throws {
        var initializer = WeightInitializer(seed: 21)
        let op = TensorTrainLinear(
            try Self.shape(input, output, ranks), name: "tt", site: ProductSite(layer: 1, operation: "test"), context: context,
            initializer: &initializer)
        // Initial cores are small (Glorot variance spread over d factors): scale them up so
        // that every term of the gradient is well above float32 rounding.
        for core in op.cores { core.value = core.value.map { $0 * 3 } }
        op.bias.value = GradientCheck.values(op.outputWidth, seed: 22)
        let rows = 3
        #expect(GradientCheck.worst(op, input: GradientCheck.values(rows * op.inputWidth, seed: 23), batch: 1) == nil)
    }

    @Test func forwardIsTheDenseProductOfTheCores() throws {
        let shape = try Self.shape([2, 4, 2], [3, 2, 2], [3, 4])
        var initializer = WeightInitializer(seed: 24)
        let op = TensorTrainLinear(
            shape, name: "tt", site: ProductSite(layer: 1, operation: "test"), context: context, initializer: &initializer)
        let w = try TensorTrainMatrix(shape: shape, coreValues: op.cores.map { $0.value.map(Double.init) }).dense()
        let rows = 4
        let x = GradientCheck.values(rows * 16, seed: 25)
        let y = op.forward(x, batch: 1)
        for r in 0..<rows {
            for c in 0..<12 {
                let expected = (0..<16).reduce(0.0) { $0 + Double(x[r * 16 + $1]) * w[$1 * 12 + c] }
                #expect(abs(Double(y[r * 12 + c]) - expected) < 1e-4 * max(1, abs(expected)))
            }
        }
    }
}
