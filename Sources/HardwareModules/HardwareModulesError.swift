/// Why a module parameter or format is not one the hardware can be built with.
public enum HardwareModulesError: Error, Equatable, CustomStringConvertible {
    case invalidFormat(String)

    public var description: String {
        switch self {
        case .invalidFormat(let reason): "invalid fixed-point format: \(reason)"
        }
    }
}
