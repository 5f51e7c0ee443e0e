import DesignSpace

/// Memory a workload needs, by what it holds (paper Fig. 6), in bytes.
package struct FootprintBreakdown: Codable, Sendable, Equatable {
    package var embeddings: Double
    package var weights: Double
    package var activations: Double
    package var gradients: Double
    package var total: Double { embeddings + weights + activations + gradients }
}

/// The paper's three evaluation modes side by side.
package struct MemoryFootprint: Codable, Sendable, Equatable {
    package var inference: FootprintBreakdown
    package var training: FootprintBreakdown
    package var dynaPropTraining: FootprintBreakdown

    enum CodingKeys: String, CodingKey {
        case inference, training
        case dynaPropTraining = "dynaprop_training"
    }

    /// Computes the footprint of `model` at `batchSize` tokens-by-sequence.
    ///
    /// Inference keeps the largest layer's activations live; training keeps every forward
    /// activation for the backward pass and holds weight gradients plus the largest layer's
    /// activation gradients. DynaProp training stores every pruned matrix zero-free with a
    /// one-bit mask per element.
    package static func of(
        model: TransformerModel, batchSize: Int, sequenceLength: Int, wordBits: Int,
        dynaProp: DynaPropSetting
    ) -> MemoryFootprint {
        let forward = Mapper(model: model, batchSize: batchSize, sequenceLength: sequenceLength, workload: .inference).operations()
        return of(model: model, operations: forward, wordBits: wordBits, dynaProp: dynaProp)
    }

    /// The same, from already-mapped operations (only the forward ones are read).
    package static func of(
        model: TransformerModel, operations: [MappedOperation], wordBits: Int,
        dynaProp: DynaPropSetting
    ) -> MemoryFootprint {
        var perLayer = [Double](repeating: 0, count: model.layers.count + 1)
        for op in operations where op.phase == .forward { perLayer[op.layer] += Double(op.outputValues) }
        return of(
            model: model, largestLayerValues: perLayer.max() ?? 0, activationValues: perLayer.reduce(0, +),
            wordBits: wordBits, dynaProp: dynaProp)
    }

    /// The same, from the forward output values of the largest layer (the embedding is layer
    /// 0) and of all layers together.
    static func of(
        model: TransformerModel, largestLayerValues largestLayer: Double, activationValues allActivations: Double,
        wordBits: Int, dynaProp: DynaPropSetting
    ) -> MemoryFootprint {
        let word = Double(wordBits) / 8
        let h0 = Double(model.layers[0].hiddenSize)
        let embeddingValues = Double(TransformerModel.vocabularySize + TransformerModel.maxPositions + 2) * h0 + 2 * h0
        let weightValues = Double(model.parameterCount) - embeddingValues

        func stored(_ values: Double, sparsity: Double) -> Double {
            sparsity > 0 ? values * (1 - sparsity) * word + values / 8 : values * word
        }
        let inference = FootprintBreakdown(
            embeddings: embeddingValues * word, weights: weightValues * word, activations: largestLayer * word, gradients: 0)
        let training = FootprintBreakdown(
            embeddings: embeddingValues * word, weights: weightValues * word, activations: allActivations * word,
            gradients: (weightValues + largestLayer) * word)
        let dynaPropTraining = FootprintBreakdown(
            embeddings: embeddingValues * word, weights: stored(weightValues, sparsity: dynaProp.weightSparsity),
            activations: stored(allActivations, sparsity: dynaProp.activationSparsity),
            gradients: stored(weightValues + largestLayer, sparsity: dynaProp.gradientSparsity))
        return MemoryFootprint(inference: inference, training: training, dynaPropTraining: dynaPropTraining)
    }
}
