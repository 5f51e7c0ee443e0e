import DesignSpace

/// What to run: inference, or training with an optimiser (paper Table I).
package enum Workload: String, Sendable, Codable, CaseIterable {
    case inference, training
}

/// The weight-update rule used in training.
package enum Optimizer: String, Sendable, Codable, CaseIterable {
    /// w -= lr * g: one MAC per weight.
    case sgd
    /// Adam: two moment updates, bias correction, a square root and a division per weight
    /// (counted as 6 MACs), and two extra state tensors read and written.
    case adam

    var opsPerWeight: Int { self == .sgd ? 1 : 6 }
    var stateTensors: Int { self == .sgd ? 0 : 2 }
}
