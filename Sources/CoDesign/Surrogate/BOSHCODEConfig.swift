/// The sizes and schedules of BOSHCODE's networks and of GOBI. Stored in a run's settings
/// (nil there means `standard`), so tests can run the same algorithm with tiny networks.
package struct BOSHCODEConfig: Codable, Sendable, Equatable {
    /// Units in each tower's layers and in the joined layers (32 in the authors' code).
    package var hidden: Int
    /// Upper bound on epochs of one fit; early stopping on the validation split usually ends it sooner.
    package var maxEpochs: Int
    /// Epochs without a lower validation loss before a fit stops (the best weights are kept).
    package var patience: Int
    /// The same two for a warm-started fit, which begins near its optimum: the previous
    /// iteration's weights already fit all but the last batch.
    package var warmMaxEpochs: Int
    package var warmPatience: Int
    /// Share of the data held out to decide early stopping (0.2 in the authors' code).
    package var validationShare: Double
    /// Dropout of the teacher's joined layers (0.3 in the authors' code).
    package var dropout: Double
    /// Monte-Carlo passes of the teacher per point for the student's targets (10 in the authors' code).
    package var teacherSamples: Int
    /// Upper bound on GOBI steps per query (200 in the authors' code).
    package var gobiSteps: Int
    /// GOBI stops when the acquisition changes by less than this for `gobiStableSteps` steps.
    package var gobiTolerance: Double
    package var gobiStableSteps: Int
    /// AdaHessian's step size in the normalised input space.
    package var gobiLearningRate: Double
    /// Half-width of the box around its start a GOBI run may move in (the authors' trust region).
    package var trustRadius: Double
    /// Weight of the uncertainty term in the UCB acquisition (0.5 in the authors' code).
    package var explorationWeight: Double
    /// The search counts as converged, and GOBI adds the aleatoric term, once the largest
    /// epistemic standard deviation over a random sample of the space falls below this
    /// share of the targets' standard deviation.
    package var convergenceThreshold: Double
    /// Size of that random sample, and of the pool uncertainty queries start from.
    package var probePoints: Int

    package init(
        hidden: Int = 32, maxEpochs: Int = 200, patience: Int = 7, warmMaxEpochs: Int = 12, warmPatience: Int = 2,
        validationShare: Double = 0.2, dropout: Double = 0.3,
        teacherSamples: Int = 10, gobiSteps: Int = 200, gobiTolerance: Double = 1e-5, gobiStableSteps: Int = 5,
        gobiLearningRate: Double = 0.05, trustRadius: Double = 0.25, explorationWeight: Double = 0.5,
        convergenceThreshold: Double = 0.05, probePoints: Int = 64
    ) {
        self.hidden = hidden
        self.maxEpochs = maxEpochs
        self.patience = patience
        self.warmMaxEpochs = warmMaxEpochs
        self.warmPatience = warmPatience
        self.validationShare = validationShare
        self.dropout = dropout
        self.teacherSamples = teacherSamples
        self.gobiSteps = gobiSteps
        self.gobiTolerance = gobiTolerance
        self.gobiStableSteps = gobiStableSteps
        self.gobiLearningRate = gobiLearningRate
        self.trustRadius = trustRadius
        self.explorationWeight = explorationWeight
        self.convergenceThreshold = convergenceThreshold
        self.probePoints = probePoints
    }

    /// The defaults: the authors' sizes and schedules.
    package static let standard = BOSHCODEConfig()

    /// Tiny networks and short schedules for tests in a debug build: the same algorithm.
    package static let tiny = BOSHCODEConfig(
        hidden: 6, maxEpochs: 25, patience: 3, warmMaxEpochs: 10, warmPatience: 2, teacherSamples: 4, gobiSteps: 20, probePoints: 16)
}
