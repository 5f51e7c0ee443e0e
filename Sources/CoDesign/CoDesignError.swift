/// Why a search could not run or resume.
///
/// Messages speak of the library's settings (budget, batch size, run directory), never of a
/// command-line flag: a front end that knows its flags adds them (see `transcode search`).
package enum CoDesignError: Error, Equatable, CustomStringConvertible {
    /// The five objective weights are not numbers >= 0 summing to 1.
    case invalidWeights(String)
    case invalidConstraint(text: String, reason: String)
    /// A resumed run was given settings other than those it was started with.
    case resumeMismatch(field: String, stored: String, given: String)
    /// A run directory is missing a file or holds something that is not a search run.
    case unreadableRun(path: String, reason: String)
    case unreadableData(path: String, reason: String)
    case invalidSetting(name: String, value: String, allowed: String)
    /// A new run was asked for in a directory that already holds one.
    case runExists(path: String)
    /// Another process (or another open run in this one) holds the run directory's lock;
    /// `holder` is what it wrote in the lock file (its pid and start time).
    case runLocked(path: String, holder: String)
    /// The run directory cannot be created or written: a file is in the way, or a folder is
    /// not writable.
    case unusableRunDirectory(path: String, reason: String)
    /// The run finished without one evaluation that satisfies the constraints; its log is kept.
    case noFeasiblePair(path: String, constraints: String, evaluations: Int)

    package var description: String {
        switch self {
        case .invalidWeights(let reason):
            return "invalid objective weights: \(reason)"
        case .invalidConstraint(let text, let reason):
            return "invalid constraint '\(text)': \(reason)"
        case .resumeMismatch(let field, let stored, let given):
            return
                "cannot resume: the run was started with \(field) \(stored), not \(given); resume it with its stored settings or start a new run in another directory"
        case .unreadableRun(let path, let reason):
            return "cannot resume from \(path): \(reason)"
        case .unreadableData(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .invalidSetting(let name, let value, let allowed):
            return "invalid \(name) \(value): allowed \(allowed)"
        case .runExists(let path):
            return "\(path) already holds a search run: resume it, or start the new run in another directory"
        case .runLocked(let path, let holder):
            return "\(path) is in use by another search (\(holder)): wait for it to finish, or use another run directory"
        case .unusableRunDirectory(let path, let reason):
            return "cannot use \(path) as a run directory: \(reason)"
        case .noFeasiblePair(let path, let constraints, let evaluations):
            return
                "no pair among the \(evaluations) evaluated satisfies the constraints \(constraints); the log is kept in \(path): loosen the constraints in a new run, or extend this one with a larger budget"
        }
    }
}
