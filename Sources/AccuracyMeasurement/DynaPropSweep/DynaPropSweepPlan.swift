import DesignSpace

/// What a DynaProp sweep trains: one model at a declared setting and seed, once per point of
/// the (tau_I, tau_T) grid, with the encoder's weights pruned statically to `weightSparsity`.
/// Written once as DIR/plan.json; a resumed run reads it back.
///
/// Every point uses the same seed, so the points differ only in their thresholds (same
/// initial weights, validation split and batch order).
package struct DynaPropSweepPlan: Codable, Equatable, Sendable {
    /// Layout version of plan.json, sweep.jsonl and the files the sweep writes.
    package static let currentVersion = 1

    package let version: Int
    package let spaceVersion: Int
    /// The name the model was given (`bert-tiny` or a file name).
    package let modelName: String
    package let model: TransformerModel
    package let setting: MeasurementSetting
    package let seed: UInt64
    package let dataset: String
    /// Increasing thresholds, each in [0, 1].
    package let tauI: [Double]
    package let tauT: [Double]
    /// Static weight sparsity of the encoder's weight matrices (the paper holds 0.5).
    package let weightSparsity: Double

    /// Checks the grid: at least two increasing thresholds of each kind (a curve needs two
    /// points), each in [0, 1], and a weight sparsity in [0, 1).
    package init(
        modelName: String, model: TransformerModel, setting: MeasurementSetting, seed: UInt64, tauI: [Double], tauT: [Double],
        weightSparsity: Double = 0.5, dataset: String = "fashion-mnist"
    ) throws(AccuracyMeasurementError) {
        for (option, values) in [("--tau-i", tauI), ("--tau-t", tauT)] {
            guard values.count >= 2 else {
                throw .invalidSweep("\(option) needs at least two thresholds (a curve needs two points), e.g. 0,0.01")
            }
            for value in values where !(value.isFinite && value >= 0 && value <= 1) {
                throw .invalidSweep("\(option) value \(value) is outside [0, 1]: use thresholds such as 0,0.001,0.01,0.1")
            }
            for (a, b) in zip(values, values.dropFirst()) where b <= a {
                throw .invalidSweep("\(option) values must increase, but \(b) follows \(a)")
            }
        }
        guard weightSparsity.isFinite, weightSparsity >= 0, weightSparsity < 1 else {
            throw .invalidSweep("--weight-sparsity \(weightSparsity) is outside [0, 1): use e.g. 0.5 (the paper's)")
        }
        version = Self.currentVersion
        spaceVersion = SpaceVersion.current
        self.modelName = modelName
        self.model = model
        self.setting = setting
        self.seed = seed
        self.dataset = dataset
        self.tauI = tauI
        self.tauT = tauT
        self.weightSparsity = weightSparsity
    }

    /// Grid points in task order: tau_I outer, tau_T inner.
    package var points: [(index: Int, tauI: Double, tauT: Double)] {
        var points: [(index: Int, tauI: Double, tauT: Double)] = []
        for a in tauI { for g in tauT { points.append((points.count, a, g)) } }
        return points
    }

    enum CodingKeys: String, CodingKey {
        case version
        case spaceVersion = "space_version"
        case modelName = "model_name"
        case model, setting, seed, dataset
        case tauI = "tau_i"
        case tauT = "tau_t"
        case weightSparsity = "weight_sparsity"
    }
}
