import DesignSpace
import Testing
import Training

/// Every operation's backward pass against central finite differences (see `GradientCheck`
/// for the probe and the tolerance), on tiny shapes.
@Suite struct OperationGradientTests {
    private let context = ComputeContext()

    private func head(_ operation: HeadOperation, hidden: Int = 8, headSize: Int = 4, length: Int = 5) -> any Operation {
        var initializer = WeightInitializer(seed: 3)
        if operation.isSelfAttention {
            return SelfAttentionHead(
                operation: operation, hiddenSize: hidden, headSize: headSize, sequenceLength: length, layer: 1, index: 0,
                context: context, initializer: &initializer)
        } else if operation.isLinearTransform {
            return LinearTransformHead(
                operation: operation, hiddenSize: hidden, headSize: headSize, sequenceLength: length, layer: 1, index: 0,
                context: context, initializer: &initializer)
        }
        return ConvolutionHead(
            operation: operation, hiddenSize: hidden, headSize: headSize, sequenceLength: length, layer: 1, index: 0, context: context,
            initializer: &initializer)
    }

    @Test func linear() {
        var initializer = WeightInitializer(seed: 1)
        let op = Linear(6, 4, name: "linear", site: ProductSite(layer: 1, operation: "test"), context: context, initializer: &initializer)
        #expect(GradientCheck.worst(op, input: GradientCheck.values(18, seed: 2), batch: 1) == nil)
    }

    @Test func layerNorm() {
        let op = LayerNorm(width: 6, name: "norm")
        op.scale.value = GradientCheck.values(6, seed: 4, scale: 0.5).map { $0 + 1 }
        op.shift.value = GradientCheck.values(6, seed: 5, scale: 0.5)
        #expect(GradientCheck.worst(op, input: GradientCheck.values(18, seed: 6), batch: 3) == nil)
    }

    @Test func gelu() {
        #expect(GradientCheck.worst(GELU(width: 5), input: GradientCheck.values(20, seed: 8, scale: 2), batch: 4) == nil)
    }

    @Test(arguments: HeadOperation.allCases) func eachHeadOperation(_ operation: HeadOperation) {
        // Two sequences of 5 tokens of width 8, heads of width 4.
        let op = head(operation)
        #expect(GradientCheck.worst(op, input: GradientCheck.values(2 * 5 * 8, seed: 9), batch: 2) == nil)
    }

    @Test func feedForwardStackOfThree() {
        var initializer = WeightInitializer(seed: 10)
        let op = FeedForwardStack(hiddenSize: 6, sizes: [7, 5, 4], layer: 1, context: context, initializer: &initializer)
        #expect(GradientCheck.worst(op, input: GradientCheck.values(12, seed: 11), batch: 1) == nil)
    }

    @Test func heterogeneousLayerWithProjectionBetweenWidths() throws {
        // Width 256 -> 128 (so the layer projects its input), four heads of four types.
        let layer = try TransformerLayer(hiddenSize: 128, heads: [.saWMA, .ltDFT, .ltDCT, .dsc5], feedForward: [256, 256])
        var initializer = WeightInitializer(seed: 12)
        let op = EncoderLayer(layer, index: 2, inputWidth: 256, sequenceLength: 3, context: context, initializer: &initializer)
        let input = GradientCheck.values(3 * 256, seed: 13)
        #expect(
            GradientCheck.worst(
                op, input: input, batch: 1, inputIndices: Array(stride(from: 0, to: input.count, by: 37)), samplesPerParameter: 3) == nil)
    }

    @Test func patchEmbedding() {
        var initializer = WeightInitializer(seed: 14)
        let op = PatchEmbedding(featureWidth: 5, hiddenSize: 4, sequenceLength: 3, context: context, initializer: &initializer)
        #expect(GradientCheck.worst(op, input: GradientCheck.values(2 * 3 * 5, seed: 15), batch: 2) == nil)
    }

    @Test func tokenEmbeddingTable() {
        var initializer = WeightInitializer(seed: 16)
        let op = TokenEmbedding(vocabularySize: 7, hiddenSize: 4, sequenceLength: 3, initializer: &initializer)
        // Ids have no gradient: check only the table and positions.
        #expect(GradientCheck.worst(op, input: [1, 6, 1, 0, 3, 3], batch: 2, inputIndices: [], samplesPerParameter: 40) == nil)
    }

    @Test func classifierHead() {
        var initializer = WeightInitializer(seed: 17)
        let op = ClassifierHead(hiddenSize: 4, classes: 3, sequenceLength: 5, layer: 3, context: context, initializer: &initializer)
        #expect(GradientCheck.worst(op, input: GradientCheck.values(2 * 5 * 4, seed: 18), batch: 2) == nil)
    }

    @Test func softmaxCrossEntropy() {
        let logits = GradientCheck.values(12, seed: 19)
        let labels: [Int32] = [2, 0, 3]
        let result = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels[...], classes: 4)
        for i in logits.indices {
            var plus = logits
            var minus = logits
            plus[i] += GradientCheck.step
            minus[i] -= GradientCheck.step
            let numeric =
                (SoftmaxCrossEntropy.evaluate(logits: plus, labels: labels[...], classes: 4).loss
                    - SoftmaxCrossEntropy.evaluate(logits: minus, labels: labels[...], classes: 4).loss) / (2 * Double(GradientCheck.step))
            #expect(abs(Double(result.gradient[i]) - numeric) <= 2e-3 + 2e-2 * abs(numeric))
        }
    }

    @Test func linearTransformsAreOrthonormal() {
        // An orthonormal transform keeps the sum of squares (a DFT real part keeps it only on
        // average, so only DCT is exact); checks the matrices, not just their gradients.
        let op = head(.ltDCT)
        let projected = GradientCheck.values(5 * 8, seed: 20)
        _ = op.forward(projected, batch: 1)
        let linear = op.parameters[0]
        linear.value = [Float](repeating: 0, count: 32)
        for i in 0..<4 { linear.value[i * 4 + i] = 1 }  // projection keeps the first 4 features
        let out = op.forward(projected, batch: 1)
        var inSquares = 0.0
        for t in 0..<5 { for c in 0..<4 { inSquares += Double(projected[t * 8 + c] * projected[t * 8 + c]) } }
        let outSquares = out.reduce(0.0) { $0 + Double($1 * $1) }
        #expect(abs(inSquares - outSquares) < 1e-4 * inSquares)
    }
}
