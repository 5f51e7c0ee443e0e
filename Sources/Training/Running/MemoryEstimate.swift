import DesignSpace

/// The memory a training run needs, estimated from the model's shape before anything is
/// allocated: four float32 copies of every parameter (value, gradient, two optimizer
/// moments) plus the activations one batch keeps for its backward pass, doubled for the
/// gradients and temporaries that live beside them.
package struct MemoryEstimate: Equatable, Sendable {
    /// Learned parameters of the network `Network` builds (embedding and classifier included).
    package let parameters: Int
    /// Floats of activations kept per token through a forward pass.
    package let activationsPerToken: Int
    package let bytes: Int

    package init(model: TransformerModel, input: TokenInput, sequenceLength n: Int, classes: Int, batchSize: Int) {
        let h0 = model.layers[0].hiddenSize
        var parameters: Int
        var perToken: Int
        switch input {
        case .features(let width):
            parameters = width * h0 + h0 + n * h0
            perToken = width + h0
        case .vocabulary(let size):
            parameters = size * h0 + n * h0
            perToken = 1 + h0
        }
        var previous = h0
        for layer in model.layers {
            let h = layer.hiddenSize
            let d = layer.headSize
            let heads = layer.heads.count
            if previous != h {
                parameters += previous * h + h
                perToken += previous + h
            }
            for head in layer.heads {
                switch head {
                case .saSDP, .saWMA:
                    parameters += h * 3 * d + 3 * d + (head == .saWMA ? d * d : 0)
                    perToken += h + 3 * d + d + 2 * n + d
                case .ltDFT, .ltDCT:
                    parameters += h * d + d
                    perToken += h + 3 * d
                case .dsc5, .dsc9, .dsc13:
                    parameters += h * d + d + head.kernelSize! * d
                    perToken += h + 2 * d
                }
            }
            parameters += heads * d * h + h + 4 * h
            perToken += 2 * heads * d + 6 * h
            var width = h
            for f in layer.feedForward {
                parameters += width * f + f
                perToken += width + 2 * f
                width = f
            }
            parameters += width * h + h
            perToken += width + h
            previous = h
        }
        parameters += previous * classes + classes
        self.parameters = parameters
        activationsPerToken = perToken
        bytes = 4 * (4 * parameters + 2 * batchSize * n * perToken)
    }
}
