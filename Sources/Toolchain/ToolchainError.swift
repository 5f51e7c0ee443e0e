/// Why an external tool could not be used.
package enum ToolchainError: Error, Equatable, CustomStringConvertible {
    /// The tool is not on PATH and no override names it.
    case missing(tool: String, variable: String, install: String)
    /// The tool ran but its version is older than the project needs.
    case tooOld(tool: String, found: String, needed: String, install: String)
    /// A tool exited non-zero.
    case failed(tool: String, status: Int32, detail: String)

    package var description: String {
        switch self {
        case .missing(let tool, let variable, let install):
            return "\(tool) not found on PATH (or in $\(variable)): install it with '\(install)'"
        case .tooOld(let tool, let found, let needed, let install):
            return "\(tool) \(found) is too old: need \(needed) or later; install it with '\(install)'"
        case .failed(let tool, let status, let detail):
            return "\(tool) failed with exit status \(status): \(detail)"
        }
    }
}
