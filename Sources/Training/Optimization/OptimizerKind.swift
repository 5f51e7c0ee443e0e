/// The optimizers a training run can use.
package enum OptimizerKind: String, CaseIterable, Codable, Sendable {
    case adam
    case sgd

    /// A fresh optimizer of this kind.
    package func make(learningRate: Float) -> any GradientOptimizer {
        switch self {
        case .adam: Adam(learningRate: learningRate)
        case .sgd: SGD(learningRate: learningRate)
        }
    }

    /// The learning rate used when none is given.
    package var defaultLearningRate: Double {
        switch self {
        case .adam: 1e-3
        case .sgd: 0.05
        }
    }
}
