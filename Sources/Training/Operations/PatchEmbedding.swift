/// Input embedding for feature tokens (image patches): a learned linear map from each token's
/// features to the first layer's width, plus a learned position embedding per position.
package final class PatchEmbedding: Operation {
    package let inputWidth: Int
    package let outputWidth: Int
    private let sequenceLength: Int
    private let projection: Linear
    package let positions: Parameter

    package init(
        featureWidth: Int, hiddenSize: Int, sequenceLength: Int, context: ComputeContext, initializer: inout WeightInitializer
    ) {
        inputWidth = featureWidth
        outputWidth = hiddenSize
        self.sequenceLength = sequenceLength
        var own = initializer.split()
        projection = Linear(
            featureWidth, hiddenSize, name: "embedding.patch", site: ProductSite(layer: 0, operation: "patch_embedding"),
            context: context, initializer: &own)
        positions = Parameter(name: "embedding.position", value: own.normal(standardDeviation: 0.02, count: sequenceLength * hiddenSize))
    }

    package var parameters: [Parameter] { projection.parameters + [positions] }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        var output = projection.forward(x, batch: batch)
        let block = sequenceLength * outputWidth
        for b in 0..<batch { for i in 0..<block { output[b * block + i] += positions.value[i] } }
        return output
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        let block = sequenceLength * outputWidth
        for b in 0..<(outputGradient.count / block) {
            for i in 0..<block { positions.gradient[i] += outputGradient[b * block + i] }
        }
        return projection.backward(outputGradient)
    }
}
