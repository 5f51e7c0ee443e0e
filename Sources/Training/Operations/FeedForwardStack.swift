import DesignSpace

/// A layer's feed-forward stack (paper Table III, 1 to 3 stacks): h -> f_1 -> ... -> f_s -> h,
/// with GELU after every product but the last; any stage may be a tensor-train layer.
package final class FeedForwardStack: Operation {
    package let inputWidth: Int
    package var outputWidth: Int { inputWidth }
    /// The products and activations, in order.
    let operations: [any Operation]

    /// `decomposed[i]`, when present, holds stage i's matrix in tensor-train form.
    package init(
        hiddenSize: Int, sizes: [Int], layer: Int, context: ComputeContext, initializer: inout WeightInitializer,
        decomposed: [Int: TensorTrainShape] = [:]
    ) {
        inputWidth = hiddenSize
        var operations: [any Operation] = []
        var width = hiddenSize
        for (index, size) in (sizes + [hiddenSize]).enumerated() {
            let name = "layer\(layer).feed_forward.\(index + 1)"
            let site = ProductSite(layer: layer, operation: "feed_forward.\(index + 1)")
            if let shape = decomposed[index] {
                operations.append(TensorTrainLinear(shape, name: name, site: site, context: context, initializer: &initializer))
            } else {
                operations.append(Linear(width, size, name: name, site: site, context: context, initializer: &initializer))
            }
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
