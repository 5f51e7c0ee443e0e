/// The classification head: the mean of a sequence's token states, then a linear map to
/// one logit per class. Input rows are tokens; output rows are sequences.
package final class ClassifierHead: Operation {
    package let inputWidth: Int
    package var outputWidth: Int { classifier.outputWidth }
    private let sequenceLength: Int
    private let classifier: Linear

    package init(
        hiddenSize: Int, classes: Int, sequenceLength: Int, layer: Int, context: ComputeContext, initializer: inout WeightInitializer
    ) {
        inputWidth = hiddenSize
        self.sequenceLength = sequenceLength
        var own = initializer.split()
        classifier = Linear(
            hiddenSize, classes, name: "classifier", site: ProductSite(layer: layer, operation: "classifier"), context: context,
            initializer: &own)
    }

    package var parameters: [Parameter] { classifier.parameters }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        let h = inputWidth
        var pooled = [Float](repeating: 0, count: batch * h)
        for b in 0..<batch {
            for t in 0..<sequenceLength {
                for c in 0..<h { pooled[b * h + c] += x[(b * sequenceLength + t) * h + c] }
            }
        }
        let inverse = 1 / Float(sequenceLength)
        for i in pooled.indices { pooled[i] *= inverse }
        return classifier.forward(pooled, batch: batch)
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        let pooledGradient = classifier.backward(outputGradient)
        let h = inputWidth
        let batch = pooledGradient.count / h
        let inverse = 1 / Float(sequenceLength)
        var inputGradient = [Float](repeating: 0, count: batch * sequenceLength * h)
        for b in 0..<batch {
            for t in 0..<sequenceLength {
                for c in 0..<h { inputGradient[(b * sequenceLength + t) * h + c] = pooledGradient[b * h + c] * inverse }
            }
        }
        return inputGradient
    }
}
