import DesignSpace

/// Trains a model of the space on a data set and measures it; returns typed results and
/// prints nothing.
package enum Trainer {
    /// Trains `model` on `dataset` as `settings` say. Validation examples come from the data
    /// set's training split (at most a tenth of it); the test split is used once, at the end.
    /// Refuses, before allocating, a run whose `MemoryEstimate` exceeds `memoryLimit` bytes.
    package static func train(
        model: TransformerModel, dataset: any TrainingDataset, settings: TrainingSettings, memoryLimit: Int
    ) throws(TrainingError) -> TrainingResult {
        try trainKeepingNetwork(model: model, dataset: dataset, settings: settings, memoryLimit: memoryLimit).result
    }

    /// `train`, also returning the trained network (a teacher to distil from).
    package static func trainKeepingNetwork(
        model: TransformerModel, dataset: any TrainingDataset, settings: TrainingSettings, memoryLimit: Int
    ) throws(TrainingError) -> (result: TrainingResult, network: Network) {
        try settings.validate()
        let n = dataset.training.sequenceLength
        let estimate = MemoryEstimate(
            model: model, input: dataset.input, sequenceLength: n, classes: dataset.classes, batchSize: settings.batchSize)
        guard estimate.bytes <= memoryLimit else {
            throw .modelTooLarge(
                neededBytes: estimate.bytes, limitBytes: memoryLimit, parameters: estimate.parameters, batch: settings.batchSize)
        }
        let split = try split(dataset, settings)
        MatrixProduct.setThreads(settings.threads)
        let context = ComputeContext(thresholds: settings.dynaProp ?? .none, profiling: settings.dynaProp != nil)
        let network = Network(
            model: model, input: dataset.input, sequenceLength: n, classes: dataset.classes, context: context, seed: settings.seed,
            widthDivisor: settings.widthDivisor, decomposed: try narrowedDecomposition(of: model, by: settings.widthDivisor))
        let parameters = network.parameters
        let steps = settings.epochs * ((split.training.count + settings.batchSize - 1) / settings.batchSize)
        let pruner = settings.weightSparsity.map { WeightPruner(network: network, target: $0, totalSteps: steps) }
        var optimizer = settings.optimizer.make(learningRate: Float(settings.learningRate))
        var generator = SeededGenerator(seed: settings.seed &+ 1)
        var batchLosses: [Double] = []
        let epochs = runEpochs(
            settings.epochs, network: network, split: split, settings: settings, generator: &generator,
            profiled: settings.dynaProp == nil ? nil : context
        ) { batch in
            let logits = network.forward(batch.inputs, batch: batch.count)
            let outcome = SoftmaxCrossEntropy.evaluate(logits: logits, labels: batch.labels[...], classes: dataset.classes)
            for parameter in parameters { parameter.zeroGradient() }
            network.backward(outcome.gradient)
            optimizer.step(parameters)
            pruner?.afterStep()
            batchLosses.append(outcome.loss)
            return (outcome.loss, outcome.correct)
        }
        var result = TrainingResult(
            dataset: dataset.name, tokenization: dataset.tokenization, settings: settings, parameters: estimate.parameters,
            trainingExamples: split.training.count, validationExamples: split.validation.count, testExamples: dataset.test.count,
            estimatedBytes: estimate.bytes, epochs: epochs,
            testAccuracy: accuracy(of: network, on: dataset.test, batchSize: settings.batchSize),
            profile: settings.dynaProp == nil ? nil : context.profile)
        result.batchLosses = batchLosses
        return (result, network)
    }

    /// The model's tensor-train shapes for widths divided by `divisor`, one map per layer.
    package static func narrowedDecomposition(of model: TransformerModel, by divisor: Int) throws(TrainingError)
        -> [[DecomposedMatrix: TensorTrainShape]]
    {
        do {
            return try model.decomposition.layers.enumerated().map { j, shapes in
                try shapes.reduce(into: [DecomposedMatrix: TensorTrainShape]()) { result, entry in
                    result[entry.key] = try entry.value.narrowed(by: divisor, field: "tt[\(j)].\(entry.key.key)")
                }
            }
        } catch let error as TrainingError {
            throw error
        } catch {
            // A narrowed shape is checked against its own factors, which it always matches.
            preconditionFailure("\(error)")
        }
    }

    /// Fraction of `examples` whose arg-max logit is the label.
    package static func accuracy(of network: Network, on examples: LabeledExamples, batchSize: Int) -> Double {
        var correct = 0
        for first in stride(from: 0, to: examples.count, by: batchSize) {
            let batch = examples.selecting(first..<min(first + batchSize, examples.count))
            let logits = network.forward(batch.inputs, batch: batch.count)
            correct += SoftmaxCrossEntropy.evaluate(logits: logits, labels: batch.labels[...], classes: network.classes).correct
        }
        return Double(correct) / Double(max(examples.count, 1))
    }
}
