/// How a model is trained: the budget, the optimizer and the seed that fixes everything.
package struct TrainingSettings: Codable, Equatable, Sendable {
    package var epochs: Int
    /// Training examples per epoch (after the validation split); nil for all.
    package var samples: Int?
    package var batchSize: Int
    package var optimizer: OptimizerKind
    package var learningRate: Double
    package var seed: UInt64
    /// Examples of the training split held out for validation.
    package var validationSize: Int
    /// DynaProp thresholds; nil trains densely without a profile.
    package var dynaProp: DynaPropThresholds?
    /// Static weight sparsity of the encoder's weight matrices (`WeightPruner`); nil trains
    /// them dense.
    package var weightSparsity: Double?
    /// OpenBLAS threads.
    package var threads: Int
    /// Every width of the model (hidden sizes, feed-forward sizes) is divided by this before
    /// training: 1 trains the model as it is; a reduced setting trains a narrower copy of the
    /// same shape, so a whole space of models fits a short budget.
    package var widthDivisor: Int

    package init(
        epochs: Int = 1, samples: Int? = nil, batchSize: Int = 32, optimizer: OptimizerKind = .adam, learningRate: Double? = nil,
        seed: UInt64 = 0, validationSize: Int = 5000, dynaProp: DynaPropThresholds? = nil, threads: Int = 2,
        widthDivisor: Int = 1, weightSparsity: Double? = nil
    ) {
        self.epochs = epochs
        self.samples = samples
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.learningRate = learningRate ?? optimizer.defaultLearningRate
        self.seed = seed
        self.validationSize = validationSize
        self.dynaProp = dynaProp
        self.threads = threads
        self.widthDivisor = widthDivisor
        self.weightSparsity = weightSparsity
    }

    /// Checks every field's range.
    package func validate() throws(TrainingError) {
        guard (1...1000).contains(epochs) else { throw .invalidSetting(name: "epochs", value: String(epochs), allowed: "1 to 1000") }
        if let samples, samples < 1 { throw .invalidSetting(name: "samples", value: String(samples), allowed: "at least 1") }
        guard (1...4096).contains(batchSize) else {
            throw .invalidSetting(name: "batch size", value: String(batchSize), allowed: "1 to 4096")
        }
        guard learningRate.isFinite, learningRate > 0, learningRate <= 10 else {
            throw .invalidSetting(name: "learning rate", value: "\(learningRate)", allowed: "a number in (0, 10]")
        }
        guard [1, 2, 4, 8].contains(widthDivisor) else {
            throw .invalidSetting(name: "width divisor", value: String(widthDivisor), allowed: "1, 2, 4 or 8")
        }
        if let weightSparsity, !(weightSparsity >= 0 && weightSparsity < 1) {
            throw .invalidSetting(name: "weight sparsity", value: "\(weightSparsity)", allowed: "a number in [0, 1), e.g. 0.5")
        }
        guard (1...64).contains(threads) else { throw .invalidSetting(name: "threads", value: String(threads), allowed: "1 to 64") }
    }
}
