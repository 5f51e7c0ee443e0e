import DesignSpace
import Foundation
import TensorTrain

/// y = x W + b with W held as tensor-train cores (HEAT): the forward pass contracts x with
/// one core at a time along the path of fewest MACs (the trainer runs on a CPU, where MACs
/// are the cost), and the backward pass walks the path back, each step a pair of matrix
/// products: dLeft = dOut . core^T and dCore = Left^T . dOut.
///
/// Pruning follows `Linear`: x is pruned with tau_I where it enters, the output gradient
/// with tau_T; every product is counted at the site for the sparsity profile.
package final class TensorTrainLinear: Operation {
    package let inputWidth: Int
    package let outputWidth: Int
    package let shape: TensorTrainShape
    /// The layer's name, e.g. `layer1.output`: its dense twin's weight is `<name>.weight`.
    package let name: String
    /// Core i's values, axes `r_{i-1}, k_i, n_i, r_i` (as `TensorTrainMatrix`).
    package let cores: [Parameter]
    package let bias: Parameter
    private let site: ProductSite
    private let context: ComputeContext
    /// The order in which x absorbs the cores.
    private let order: [Int]
    /// What the backward pass needs of each step: its operands, laid out for the product.
    private var saved: [(left: LabeledTensor<Float>, right: LabeledTensor<Float>, leftOrder: [TensorIndex])] = []
    private var input: [Float] = []

    /// Cores drawn so that W's entries have the Glorot variance 2 / (K + N): each entry of W
    /// sums prod(r_i) products of d core entries.
    package convenience init(
        _ shape: TensorTrainShape, name: String, site: ProductSite, context: ComputeContext, initializer: inout WeightInitializer
    ) {
        let rows = shape.inputFactors.reduce(1, *)
        let columns = shape.outputFactors.reduce(1, *)
        let target = 2 / Double(rows + columns)
        let ranks = Double(shape.ranks.reduce(1, *))
        let deviation = pow(target / ranks, 1 / (2 * Double(shape.coreCount)))
        let probe = ContractionShape(tensorTrain: shape, rows: 1)
        let values = probe.operandIndices.dropFirst().map { axes in
            initializer.normal(standardDeviation: deviation, count: axes.map(probe.size).reduce(1, *))
        }
        self.init(shape, cores: values, bias: [Float](repeating: 0, count: columns), name: name, site: site, context: context)
    }

    /// Cores with given values (e.g. from TT-SVD of a trained matrix).
    package init(_ shape: TensorTrainShape, cores: [[Float]], bias: [Float], name: String, site: ProductSite, context: ComputeContext) {
        self.shape = shape
        self.name = name
        inputWidth = shape.inputFactors.reduce(1, *)
        outputWidth = shape.outputFactors.reduce(1, *)
        self.cores = cores.enumerated().map { Parameter(name: "\(name).core\($0.offset + 1)", value: $0.element) }
        self.bias = Parameter(name: name + ".bias", value: bias)
        self.site = site
        self.context = context
        let path = ContractionPathSearch(trees: .sequential).best(ContractionShape(tensorTrain: shape, rows: 128)) { Double($0.macs) }
        order = path.steps.map(\.right)
    }

    package var parameters: [Parameter] { cores + [bias] }

    /// Core i's axes (0-based).
    private func coreAxes(_ i: Int) -> [TensorIndex] {
        ContractionShape(tensorTrain: shape, rows: 1).operandIndices[i + 1]
    }

    private func coreTensor(_ i: Int, _ values: [Float]) -> LabeledTensor<Float> {
        let probe = ContractionShape(tensorTrain: shape, rows: 1)
        let axes = coreAxes(i)
        return LabeledTensor(indices: axes, sizes: axes.map(probe.size), values: values)
    }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        input = x
        context.pruneActivations(&input, at: site)
        let rows = input.count / inputWidth
        let d = shape.coreCount
        var t = LabeledTensor(indices: [.rows] + (0..<d).map { .input($0) }, sizes: [rows] + shape.inputFactors, values: input)
        saved = []
        for core in order {
            let g = coreTensor(core - 1, cores[core - 1].value)
            let shared = t.indices.filter { g.indices.contains($0) }
            let freeLeft = t.indices.filter { !shared.contains($0) }
            let freeRight = g.indices.filter { !shared.contains($0) }
            let a = t.permuted(to: freeLeft + shared)
            let b = g.permuted(to: shared + freeRight)
            let (m, k, n) = (a.sizes(of: freeLeft).reduce(1, *), a.sizes(of: shared).reduce(1, *), b.sizes(of: freeRight).reduce(1, *))
            var c = [Float](repeating: 0, count: m * n)
            context.multiply(at: site, m: m, n: n, k: k, a.values, lda: k, b.values, ldb: n, into: &c, ldc: n)
            saved.append((a, b, t.indices))
            t = LabeledTensor(indices: freeLeft + freeRight, sizes: a.sizes(of: freeLeft) + b.sizes(of: freeRight), values: c)
        }
        var output = t.permuted(to: [.rows] + (0..<d).map { .output($0) }).values
        let b = bias.value
        for row in 0..<rows { for column in 0..<outputWidth { output[row * outputWidth + column] += b[column] } }
        return output
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        var gradient = outputGradient
        context.pruneGradients(&gradient, at: site)
        let rows = gradient.count / outputWidth
        let d = shape.coreCount
        var biasGradient = bias.gradient
        for row in 0..<rows { for column in 0..<outputWidth { biasGradient[column] += gradient[row * outputWidth + column] } }
        bias.gradient = biasGradient
        var g = LabeledTensor(indices: [.rows] + (0..<d).map { .output($0) }, sizes: [rows] + shape.outputFactors, values: gradient)
        for (step, core) in zip(saved, order).reversed() {
            let a = step.left
            let b = step.right
            let shared = a.indices.filter { b.indices.contains($0) }
            let freeLeft = a.indices.filter { !shared.contains($0) }
            let freeRight = b.indices.filter { !shared.contains($0) }
            let dc = g.permuted(to: freeLeft + freeRight)
            let (m, k, n) = (a.sizes(of: freeLeft).reduce(1, *), a.sizes(of: shared).reduce(1, *), b.sizes(of: freeRight).reduce(1, *))
            // dCore = Left^T . dOut, back in the core's axis order.
            var db = [Float](repeating: 0, count: k * n)
            context.multiply(
                at: site, backward: true, m: k, n: n, k: m, a.values, lda: k, transposeA: true, dc.values, ldb: n, into: &db, ldc: n)
            let coreGradient = LabeledTensor(indices: b.indices, sizes: b.sizes, values: db).permuted(to: coreAxes(core - 1))
            var accumulated = cores[core - 1].gradient
            for i in accumulated.indices { accumulated[i] += coreGradient.values[i] }
            cores[core - 1].gradient = accumulated
            // dLeft = dOut . core^T, back in the left operand's axis order.
            var da = [Float](repeating: 0, count: m * k)
            context.multiply(
                at: site, backward: true, m: m, n: k, k: n, dc.values, lda: n, b.values, ldb: n, transposeB: true, into: &da, ldc: k)
            g = LabeledTensor(indices: a.indices, sizes: a.sizes, values: da).permuted(to: step.leftOrder)
        }
        var inputGradient = g.permuted(to: [.rows] + (0..<d).map { .input($0) }).values
        context.clearPrunedGradients(&inputGradient, pruned: input)
        return inputGradient
    }
}
