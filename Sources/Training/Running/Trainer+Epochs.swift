import DesignSpace

extension Trainer {
    /// A run's training and validation examples: validation from the data set's training
    /// split (at most a tenth of it), training from the rest, as `settings` sample them.
    static func split(_ dataset: any TrainingDataset, _ settings: TrainingSettings) throws(TrainingError) -> DataSplit {
        let validationCount = min(settings.validationSize, max(1, dataset.training.count / 10))
        return try DataSplit(dataset.training, validationCount: validationCount, samples: settings.samples, seed: settings.seed)
    }

    /// Runs `count` epochs over the training split in batches of the settings' size, each
    /// epoch in a fresh order drawn from `generator`; `step` does one batch's forward, backward
    /// and update and returns its loss and correct predictions. `profiled`, when given, counts
    /// the training batches' sparsity and never the validation's.
    static func runEpochs(
        _ count: Int, network: Network, split: DataSplit, settings: TrainingSettings, generator: inout SeededGenerator,
        profiled: ComputeContext? = nil, step: (LabeledExamples) -> (loss: Double, correct: Int)
    ) -> [EpochResult] {
        let clock = ContinuousClock()
        var results: [EpochResult] = []
        for epoch in stride(from: 1, through: count, by: 1) {
            var order = Array(0..<split.training.count)
            DataSplit.shuffle(&order, using: &generator)
            var lossSum = 0.0
            var correct = 0
            let start = clock.now
            profiled?.profiling = true
            for first in stride(from: 0, to: order.count, by: settings.batchSize) {
                let outcome = step(split.training.selecting(order[first..<min(first + settings.batchSize, order.count)]))
                lossSum += outcome.loss
                correct += outcome.correct
            }
            let elapsed = (clock.now - start).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
            profiled?.profiling = false
            let batches = (order.count + settings.batchSize - 1) / settings.batchSize
            results.append(
                EpochResult(
                    epoch: epoch, meanLoss: lossSum / Double(batches), trainingAccuracy: Double(correct) / Double(order.count),
                    validationAccuracy: accuracy(of: network, on: split.validation, batchSize: settings.batchSize),
                    samplesPerSecond: Double(order.count) / max(seconds, 1e-9), seconds: seconds))
        }
        return results
    }
}
