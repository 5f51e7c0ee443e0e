/// Why an RTL simulation could not run.
package enum RTLSimError: Error, Equatable, CustomStringConvertible {
    case buildFailed(simulator: String, log: String)
    case runFailed(simulator: String, log: String)

    package var description: String {
        switch self {
        case .buildFailed(let simulator, let log): "\(simulator) could not build the testbench: \(log)"
        case .runFailed(let simulator, let log): "\(simulator) simulation failed: \(log)"
        }
    }
}
