import DesignSpace

/// Mini-batch Adam on a training split with early stopping on a validation split: after each
/// epoch the validation loss is measured; the best weights are kept, and training stops once
/// `patience` epochs pass without a lower loss (the authors' rule is a fixed window of 7).
struct EarlyStoppingTrainer {
    let maxEpochs: Int
    let patience: Int
    var batchSize = 32
    var learningRate = 3e-3

    /// Trains `model` in place. `loss(i, model, rng, training)` returns sample i's loss and its gradient
    /// in the layout of the model's parameters. Returns the epochs run and the best validation loss.
    @discardableResult
    func train<Model: TrainableNetwork>(
        _ model: inout Model, training: [Int], validation: [Int], rng: inout SeededGenerator,
        loss: (_ index: Int, _ model: Model, _ rng: inout SeededGenerator, _ training: Bool) -> (loss: Double, gradient: [[Double]])
    ) -> (epochs: Int, validationLoss: Double) {
        guard !training.isEmpty else { return (0, 0) }
        var parameters = model.parameters
        var adam = ParameterAdam(like: parameters, learningRate: learningRate)
        var order = training
        func validationLoss() -> Double {
            guard !validation.isEmpty else { return 0 }
            var quiet = SeededGenerator(seed: 0)
            return validation.map { loss($0, model, &quiet, false).loss }.reduce(0, +) / Double(validation.count)
        }
        var best = (loss: validationLoss(), parameters: parameters)
        var sinceBest = 0
        var epochs = 0
        while epochs < maxEpochs && sinceBest < patience {
            epochs += 1
            order.shuffle(using: &rng)
            var start = 0
            while start < order.count {
                let batch = order[start..<min(start + batchSize, order.count)]
                var sum = parameters.map { [Double](repeating: 0, count: $0.count) }
                for index in batch {
                    let g = loss(index, model, &rng, true).gradient
                    for l in 0..<sum.count {
                        g[l].withUnsafeBufferPointer { src in
                            for k in 0..<src.count { sum[l][k] += src[k] }
                        }
                    }
                }
                adam.step(&parameters, gradient: sum, scale: 1 / Double(batch.count))
                model.parameters = parameters
                start += batchSize
            }
            if validation.isEmpty { continue }
            let now = validationLoss()
            if now < best.loss {
                best = (now, parameters)
                sinceBest = 0
            } else {
                sinceBest += 1
            }
        }
        if !validation.isEmpty { model.parameters = best.parameters }
        return (epochs, best.loss)
    }
}
