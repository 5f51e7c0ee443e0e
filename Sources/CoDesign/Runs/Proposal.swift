import DesignSpace

/// One point a strategy proposes, with the surrogate's prediction of its performance when the
/// strategy has a surrogate (nil for random points).
package struct Proposal: Sendable, Equatable {
    package var point: DesignPoint
    /// Which proposer chose it: `initial`, `gobi`, `uncertainty`, `diversity`, `random`, ...
    package var origin: String
    /// The surrogate's predicted performance.
    package var predicted: Double?
    /// The surrogate's uncertainty about it: the GP's or the forest's standard deviation,
    /// BOSHCODE's epistemic term (nil when the surrogate gives none).
    package var predictedStd: Double?

    package init(point: DesignPoint, origin: String, predicted: Double? = nil, predictedStd: Double? = nil) {
        self.point = point
        self.origin = origin
        self.predicted = predicted
        self.predictedStd = predictedStd
    }
}
