import DesignSpace

/// A FlexiBERT 2.0 model built for training: input embedding, its encoder layers, and a
/// classification head (mean pool + linear).
package final class Network {
    package let embedding: any Operation
    package let layers: [EncoderLayer]
    package let head: ClassifierHead
    package let classes: Int
    package let sequenceLength: Int
    package let input: TokenInput

    /// Builds the network with seeded initial weights; every width is divided by
    /// `widthDivisor` (see `TrainingSettings.widthDivisor`). `decomposed` (one map per
    /// layer, already narrowed by the divisor) makes those matrices tensor-train layers.
    package init(
        model: TransformerModel, input: TokenInput, sequenceLength: Int, classes: Int, context: ComputeContext, seed: UInt64,
        widthDivisor: Int = 1, decomposed: [[DecomposedMatrix: TensorTrainShape]] = []
    ) {
        var initializer = WeightInitializer(seed: seed)
        let first = model.layers[0].hiddenSize / widthDivisor
        switch input {
        case .features(let width):
            embedding = PatchEmbedding(
                featureWidth: width, hiddenSize: first, sequenceLength: sequenceLength, context: context, initializer: &initializer)
        case .vocabulary(let size):
            embedding = TokenEmbedding(vocabularySize: size, hiddenSize: first, sequenceLength: sequenceLength, initializer: &initializer)
        }
        var width = first
        var layers: [EncoderLayer] = []
        for (index, layer) in model.layers.enumerated() {
            layers.append(
                EncoderLayer(
                    layer, index: index + 1, inputWidth: width, sequenceLength: sequenceLength, context: context,
                    initializer: &initializer, widthDivisor: widthDivisor, decomposed: index < decomposed.count ? decomposed[index] : [:]))
            width = layer.hiddenSize / widthDivisor
        }
        self.layers = layers
        head = ClassifierHead(
            hiddenSize: width, classes: classes, sequenceLength: sequenceLength, layer: model.layers.count + 1, context: context,
            initializer: &initializer)
        self.classes = classes
        self.sequenceLength = sequenceLength
        self.input = input
    }

    /// Every learned parameter, embedding first.
    package var parameters: [Parameter] {
        embedding.parameters + layers.flatMap(\.parameters) + head.parameters
    }

    /// Logits (batch x classes) for `batch` sequences.
    package func forward(_ inputs: [Float], batch: Int) -> [Float] {
        var x = embedding.forward(inputs, batch: batch)
        for layer in layers { x = layer.forward(x, batch: batch) }
        return head.forward(x, batch: batch)
    }

    /// Accumulates every parameter's gradient for the last `forward`.
    package func backward(_ logitGradient: [Float]) {
        var g = head.backward(logitGradient)
        for layer in layers.reversed() { g = layer.backward(g) }
        _ = embedding.backward(g)
    }

    /// Logits and every encoder layer's output (for distilling hidden states).
    package func forwardKeepingLayers(_ inputs: [Float], batch: Int) -> (logits: [Float], layers: [[Float]]) {
        var x = embedding.forward(inputs, batch: batch)
        var outputs: [[Float]] = []
        for layer in layers {
            x = layer.forward(x, batch: batch)
            outputs.append(x)
        }
        return (head.forward(x, batch: batch), outputs)
    }

    /// Accumulates the gradients of a loss on the layers' outputs only (the head untouched),
    /// for the last `forwardKeepingLayers`: `layerGradients[j]` is added where layer j's
    /// output enters the backward pass.
    package func backward(layerGradients: [[Float]]) {
        var g = layerGradients[layers.count - 1]
        for j in stride(from: layers.count - 1, through: 0, by: -1) {
            if j < layers.count - 1 { for i in g.indices { g[i] += layerGradients[j][i] } }
            g = layers[j].backward(g)
        }
        _ = embedding.backward(g)
    }
}
