/// Why a model could not be trained: a data file, a setting, or the memory it would need.
///
/// Every message is one line that names the file or setting and says how to fix it.
package enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// A data file does not exist or cannot be opened.
    case missingDataFile(path: String, fix: String)
    /// A data file exists but its contents are not what the reader expects.
    case malformedDataFile(path: String, reason: String, fix: String)
    /// A training setting is outside its allowed range.
    case invalidSetting(name: String, value: String, allowed: String)
    /// The estimate made before allocating exceeds the memory limit.
    case modelTooLarge(neededBytes: Int, limitBytes: Int, parameters: Int, batch: Int)

    package var description: String {
        switch self {
        case .missingDataFile(let path, let fix):
            return "cannot read \(path): no such file; \(fix)"
        case .malformedDataFile(let path, let reason, let fix):
            return "malformed \(path): \(reason); \(fix)"
        case .invalidSetting(let name, let value, let allowed):
            return "invalid \(name) \(value): allowed \(allowed)"
        case .modelTooLarge(let needed, let limit, let parameters, let batch):
            return
                "the model needs about \(needed >> 20) MiB to train (\(parameters) parameters, batch \(batch)), more than the \(limit >> 20) MiB limit: lower the batch size or choose a smaller model"
        }
    }
}
