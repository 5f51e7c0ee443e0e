/// A layer's feed-forward stack (paper Table III, 1 to 3 stacks): h -> f_1 -> ... -> f_s -> h,
/// with GELU after every product but the last.
package final class FeedForwardStack: Operation {
    package let inputWidth: Int
    package var outputWidth: Int { inputWidth }
    private let operations: [any Operation]

    package init(hiddenSize: Int, sizes: [Int], layer: Int, context: ComputeContext, initializer: inout WeightInitializer) {
        inputWidth = hiddenSize
        var operations: [any Operation] = []
        var width = hiddenSize
        for (index, size) in (sizes + [hiddenSize]).enumerated() {
            operations.append(
                Linear(
                    width, size, name: "layer\(layer).feed_forward.\(index + 1)",
                    site: ProductSite(layer: layer, operation: "feed_forward.\(index + 1)"), context: context, initializer: &initializer))
            if index < sizes.count { operations.append(GELU(width: size)) }
            width = size
        }
        self.operations = operations
    }

    package var parameters: [Parameter] { operations.flatMap(\.parameters) }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        operations.reduce(x) { $1.forward($0, batch: batch) }
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        operations.reversed().reduce(outputGradient) { $1.backward($0) }
    }
}
