import DesignSpace
import Training

/// What `transcode train` writes to DIR/result.json: the model as named and as trained, the
/// run's provenance, and the library's result.
struct TrainRecord: Encodable {
    let model: String
    let architecture: TransformerModel
    let dataset: String
    let setting: TrainingSettings
    let seed: UInt64
    /// The checkout's `git rev-parse HEAD`, nil when git or the checkout is not available.
    let commit: String?
    let result: TrainingResult
}
