/// How the next design points are chosen (paper Fig. 11).
package enum SearchStrategy: String, Sendable, Codable, CaseIterable {
    /// BOSHCODE: NPN + teacher/student surrogate, UCB acquisition, GOBI, uncertainty and diversity sampling.
    case boshcode
    /// Uniform random search.
    case random
    /// Gaussian-process Bayesian optimisation with a UCB acquisition.
    case gpBO = "gp-bo"
    /// Random-forest surrogate with the spread across trees as uncertainty.
    case randomForest = "random-forest"
    /// Gradient-boosted regression trees, greedy on the prediction with some random exploration.
    case gbrt
    /// NSGA-II on the four objectives (non-dominated sorting, crowding distance), no surrogate.
    case nsga2
    /// A tree-structured Parzen estimator over the search encoding.
    case tpe
}
