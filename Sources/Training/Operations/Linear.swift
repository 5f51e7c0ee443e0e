/// y = x W + b: the projections of heads, layers, feed-forward stacks and the classifier.
package final class Linear: Operation {
    package let inputWidth: Int
    package let outputWidth: Int
    package let weight: Parameter
    package let bias: Parameter
    private let site: ProductSite
    private let context: ComputeContext
    private var input: [Float] = []

    package init(
        _ inputWidth: Int, _ outputWidth: Int, name: String, site: ProductSite, context: ComputeContext,
        initializer: inout WeightInitializer
    ) {
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        weight = Parameter(
            name: name + ".weight",
            value: initializer.glorot(fanIn: inputWidth, fanOut: outputWidth, count: inputWidth * outputWidth))
        bias = Parameter(name: name + ".bias", value: [Float](repeating: 0, count: outputWidth))
        self.site = site
        self.context = context
    }

    package var parameters: [Parameter] { [weight, bias] }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        input = x
        context.pruneActivations(&input, at: site)
        context.countWeights(weight.value, at: site)
        let rows = input.count / inputWidth
        var output = [Float]()
        output.reserveCapacity(rows * outputWidth)
        let b = bias.value
        for _ in 0..<rows { output.append(contentsOf: b) }
        context.multiply(
            at: site, m: rows, n: outputWidth, k: inputWidth, input, lda: inputWidth, weight.value, ldb: outputWidth,
            into: &output, ldc: outputWidth, accumulate: true)
        return output
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        var gradient = outputGradient
        context.pruneGradients(&gradient, at: site)
        let rows = gradient.count / outputWidth
        context.multiply(
            at: site, backward: true, m: inputWidth, n: outputWidth, k: rows, input, lda: inputWidth, transposeA: true,
            gradient, ldb: outputWidth, into: &weight.gradient, ldc: outputWidth, accumulate: true)
        var biasGradient = bias.gradient
        for row in 0..<rows {
            for column in 0..<outputWidth { biasGradient[column] += gradient[row * outputWidth + column] }
        }
        bias.gradient = biasGradient
        var inputGradient = [Float](repeating: 0, count: rows * inputWidth)
        context.multiply(
            at: site, backward: true, m: rows, n: inputWidth, k: outputWidth, gradient, lda: outputWidth, weight.value,
            ldb: outputWidth, transposeB: true, into: &inputGradient, ldc: inputWidth)
        context.clearPrunedGradients(&inputGradient, pruned: input)
        return inputGradient
    }
}
