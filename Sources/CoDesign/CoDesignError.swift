/// Why a search could not run or resume.
public enum CoDesignError: Error, Equatable, CustomStringConvertible {
    case invalidWeights(String)
    case invalidConstraint(text: String, reason: String)
    case resumeMismatch(field: String, stored: String, given: String)
    case unreadableRun(path: String, reason: String)
    case unreadableData(path: String, reason: String)
    case invalidSetting(name: String, value: String, allowed: String)

    public var description: String {
        switch self {
        case .invalidWeights(let reason):
            return "invalid --weights: \(reason)"
        case .invalidConstraint(let text, let reason):
            return "invalid constraint '\(text)': \(reason)"
        case .resumeMismatch(let field, let stored, let given):
            return "cannot resume: the run was started with \(field) \(stored), not \(given); drop the option or use a new --out"
        case .unreadableRun(let path, let reason):
            return "cannot resume from \(path): \(reason)"
        case .unreadableData(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .invalidSetting(let name, let value, let allowed):
            return "invalid \(name) \(value): allowed \(allowed)"
        }
    }
}
