import DesignSpace

/// What a measurement folder trains: the setting, the seed and the models in task order.
/// Written once as DIR/plan.json; a resumed or Slurm run reads it back, so every process
/// trains the same model for the same index.
package struct MeasurementPlan: Codable, Equatable, Sendable {
    package let spaceVersion: Int
    package let setting: MeasurementSetting
    package let seed: UInt64
    package let dataset: String
    package let models: [TransformerModel]

    /// The stratified plan of `count` models for `seed` (see `StratifiedSample`).
    package init(count: Int, setting: MeasurementSetting, seed: UInt64, dataset: String = "fashion-mnist") {
        self.init(models: StratifiedSample.models(count: count, seed: seed), setting: setting, seed: seed, dataset: dataset)
    }

    /// A plan over given models (the rank-consistency check measures one list twice).
    package init(models: [TransformerModel], setting: MeasurementSetting, seed: UInt64, dataset: String = "fashion-mnist") {
        spaceVersion = SpaceVersion.current
        self.setting = setting
        self.seed = seed
        self.dataset = dataset
        self.models = models
    }

    enum CodingKeys: String, CodingKey {
        case spaceVersion = "space_version"
        case setting, seed, dataset, models
    }
}
