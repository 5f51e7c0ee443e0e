import DesignSpace
import Elector

/// One simulation as `simulate` reports it in JSON and CSV: what was simulated (the model
/// and accelerator as the user named them, with their embedding and index), the settings,
/// and the result, so that a saved file says what it describes.
struct SimulationRecord: Encodable {
    struct Settings: Encodable {
        var workload: Workload
        var fidelity: SimulationRequest.Fidelity
        var optimizer: Optimizer?
        var sequenceLength: Int
        var profile: String?
        var reference: String?
        var memoryMode: String
        var powerGating: PowerGating

        enum CodingKeys: String, CodingKey {
            case workload, fidelity, optimizer
            case sequenceLength = "sequence_length"
            case profile, reference
            case memoryMode = "memory_mode"
            case powerGating = "power_gating"
        }

        /// The same settings with the sparsity profile a pair used (`paper` or a path).
        func with(profile: String) -> Settings {
            var copy = self
            copy.profile = profile
            return copy
        }
    }

    var model: String
    var modelEmbedding: [Int]
    var accelerator: String
    var acceleratorIndex: Int
    var table: String
    var settings: Settings
    var result: SimulationResult

    enum CodingKeys: String, CodingKey {
        case model
        case modelEmbedding = "model_embedding"
        case accelerator
        case acceleratorIndex = "accelerator_index"
        case table
        case settings, result
    }
}
