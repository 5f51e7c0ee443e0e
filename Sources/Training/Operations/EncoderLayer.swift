import DesignSpace

/// One encoder layer of a FlexiBERT 2.0 model, post-norm as in BERT:
///
///     x0 = P x                      (only when the previous layer's width differs)
///     a  = W_o [head_1(x0), ..., head_n(x0)]     (heads of any mix of types, concatenated)
///     y1 = LayerNorm(x0 + a)
///     y  = LayerNorm(y1 + FeedForward(y1))
///
/// Each head maps h -> d = h / n (rounded down, as `TransformerLayer.headSize`), so the
/// output projection W_o maps n d -> h.
package final class EncoderLayer: Operation {
    package let inputWidth: Int
    package let outputWidth: Int
    private let inputProjection: (any Operation)?
    private let heads: [any Operation]
    private let outputProjection: any Operation
    private let firstNorm: LayerNorm
    private let feedForward: FeedForwardStack
    private let secondNorm: LayerNorm
    private let headSize: Int
    private var firstNormOutput: [Float] = []

    package init(
        _ layer: TransformerLayer, index: Int, inputWidth: Int, sequenceLength: Int, context: ComputeContext,
        initializer: inout WeightInitializer, widthDivisor: Int = 1, decomposed: [DecomposedMatrix: TensorTrainShape] = [:]
    ) {
        self.inputWidth = inputWidth
        // A divisor > 1 trains a narrower copy: h, d and the feed-forward sizes shrink alike.
        let h = layer.hiddenSize / widthDivisor
        let d = max(1, h / layer.heads.count)
        outputWidth = h
        headSize = d
        var own = initializer.split()
        /// A dense or, when the model decomposes `matrix`, a tensor-train layer.
        func weights(_ matrix: DecomposedMatrix, _ rows: Int, _ columns: Int, name: String, site: String) -> any Operation {
            let site = ProductSite(layer: index, operation: site)
            if let shape = decomposed[matrix] {
                return TensorTrainLinear(shape, name: name, site: site, context: context, initializer: &own)
            }
            return Linear(rows, columns, name: name, site: site, context: context, initializer: &own)
        }
        inputProjection =
            inputWidth == h ? nil : weights(.projection, inputWidth, h, name: "layer\(index).projection", site: "layer_projection")
        heads = layer.heads.enumerated().map { position, operation in
            Self.makeHead(
                operation, hiddenSize: h, headSize: d, sequenceLength: sequenceLength, layer: index, index: position,
                context: context, initializer: &own)
        }
        outputProjection = weights(
            .attentionOutput, layer.heads.count * d, h, name: "layer\(index).output", site: "output_projection")
        firstNorm = LayerNorm(width: h, name: "layer\(index).norm1")
        feedForward = FeedForwardStack(
            hiddenSize: h, sizes: layer.feedForward.map { $0 / widthDivisor }, layer: index, context: context, initializer: &own,
            decomposed: Dictionary(
                uniqueKeysWithValues: decomposed.compactMap { matrix, shape in
                    if case .feedForward(let i) = matrix { (i, shape) } else { nil }
                }))
        secondNorm = LayerNorm(width: h, name: "layer\(index).norm2")
    }

    /// The operation of one head; a new head type must be added here.
    private static func makeHead(
        _ operation: HeadOperation, hiddenSize: Int, headSize: Int, sequenceLength: Int, layer: Int, index: Int,
        context: ComputeContext, initializer: inout WeightInitializer
    ) -> any Operation {
        switch operation {
        case .saSDP, .saWMA:
            SelfAttentionHead(
                operation: operation, hiddenSize: hiddenSize, headSize: headSize, sequenceLength: sequenceLength, layer: layer,
                index: index, context: context, initializer: &initializer)
        case .ltDFT, .ltDCT:
            LinearTransformHead(
                operation: operation, hiddenSize: hiddenSize, headSize: headSize, sequenceLength: sequenceLength, layer: layer,
                index: index, context: context, initializer: &initializer)
        case .dsc5, .dsc9, .dsc13:
            ConvolutionHead(
                operation: operation, hiddenSize: hiddenSize, headSize: headSize, sequenceLength: sequenceLength, layer: layer,
                index: index, context: context, initializer: &initializer)
        }
    }

    /// The layer's tensor-train layers (projections and feed-forward stages).
    package var tensorTrainLayers: [TensorTrainLinear] {
        ([inputProjection, outputProjection].compactMap { $0 } + feedForward.operations).compactMap { $0 as? TensorTrainLinear }
    }

    package var parameters: [Parameter] {
        (inputProjection?.parameters ?? []) + heads.flatMap(\.parameters) + outputProjection.parameters + firstNorm.parameters
            + feedForward.parameters + secondNorm.parameters
    }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        let x0 = inputProjection?.forward(x, batch: batch) ?? x
        let rows = x0.count / outputWidth
        // The output projection's rows: n d, or h for a tensor-train projection (whose
        // factors multiply to h), the rows past n d then fed zeros.
        let width = outputProjection.inputWidth
        var concatenated = [Float](repeating: 0, count: rows * width)
        for (position, head) in heads.enumerated() {
            let out = head.forward(x0, batch: batch)
            for row in 0..<rows {
                for c in 0..<headSize { concatenated[row * width + position * headSize + c] = out[row * headSize + c] }
            }
        }
        var residual = outputProjection.forward(concatenated, batch: batch)
        for i in residual.indices { residual[i] += x0[i] }
        firstNormOutput = firstNorm.forward(residual, batch: batch)
        var second = feedForward.forward(firstNormOutput, batch: batch)
        for i in second.indices { second[i] += firstNormOutput[i] }
        return secondNorm.forward(second, batch: batch)
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        let secondGradient = secondNorm.backward(outputGradient)
        var firstOutputGradient = feedForward.backward(secondGradient)
        for i in firstOutputGradient.indices { firstOutputGradient[i] += secondGradient[i] }
        let residualGradient = firstNorm.backward(firstOutputGradient)
        let concatenatedGradient = outputProjection.backward(residualGradient)
        var inputGradient = residualGradient
        let rows = residualGradient.count / outputWidth
        let width = outputProjection.inputWidth
        var headGradient = [Float](repeating: 0, count: rows * headSize)
        for (position, head) in heads.enumerated() {
            for row in 0..<rows {
                for c in 0..<headSize { headGradient[row * headSize + c] = concatenatedGradient[row * width + position * headSize + c] }
            }
            let g = head.backward(headGradient)
            for i in inputGradient.indices { inputGradient[i] += g[i] }
        }
        return inputProjection?.backward(inputGradient) ?? inputGradient
    }
}
