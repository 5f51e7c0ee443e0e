/// Why a module parameter or format is not one the hardware can be built with.
package enum HardwareModulesError: Error, Equatable, CustomStringConvertible {
    case invalidFormat(String)

    package var description: String {
        switch self {
        case .invalidFormat(let reason): "invalid fixed-point format: \(reason)"
        }
    }
}
