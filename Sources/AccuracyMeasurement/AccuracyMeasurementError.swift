/// Why an accuracy measurement could not run or be read: a setting, a plan, a log, a task or
/// Slurm. Every message is one line that names the file, field or tool and the fix.
package enum AccuracyMeasurementError: Error, Equatable, CustomStringConvertible {
    /// `--setting` names no declared setting.
    case unknownSetting(String)
    /// The output folder is unusable.
    case unusableDirectory(path: String, reason: String)
    /// A plan or log file cannot be read.
    case unreadableFile(path: String, reason: String)
    /// The folder already holds a plan that differs from the one asked for.
    case planMismatch(path: String, field: String, stored: String, asked: String)
    /// Another process holds the folder's lock.
    case locked(path: String, command: String)
    /// A task index is outside the plan.
    case taskOutOfRange(index: Int, count: Int)
    /// A model could not be trained.
    case trainingFailed(index: Int, reason: String)
    /// A DynaProp sweep's grid or options are invalid (the reason names the option and the fix).
    case invalidSweep(String)
    /// A DynaProp sweep's log does not cover its grid yet.
    case sweepIncomplete(path: String, done: Int, total: Int)
    /// A Slurm command is missing or failed.
    case slurm(command: String, reason: String)

    package var description: String {
        switch self {
        case .unknownSetting(let name):
            return "unknown --setting '\(name)': choose reduced, full or tiny"
        case .unusableDirectory(let path, let reason):
            return "cannot use --out \(path): \(reason)"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .planMismatch(let path, let field, let stored, let asked):
            return "\(path) was planned with \(field) \(stored), not \(asked): resume with the same options or choose another --out"
        case .locked(let path, let command):
            return "\(path) is locked by another `\(command)`: wait for it or choose another --out"
        case .taskOutOfRange(let index, let count):
            return "--task \(index) is outside the plan's \(count) models (0 to \(count - 1))"
        case .trainingFailed(let index, let reason):
            return "model \(index) could not be trained: \(reason)"
        case .invalidSweep(let reason):
            return reason
        case .sweepIncomplete(let path, let done, let total):
            return "\(path) holds \(done) of \(total) grid points: rerun `transcode dynaprop sweep` with the same --out to finish it"
        case .slurm(let command, let reason):
            return "\(command): \(reason)"
        }
    }
}
