/// One parameter of a module kind, described as OpenTitan's template descriptions do:
/// its name in the module name, its type, the values it may take and what it means.
package struct ModuleParameter: Sendable, Equatable {
    /// The value types a module parameter has.
    package enum ValueType: String, Sendable {
        case int, activation
    }

    /// The letter in the module name (`m` of `mac_lane_m16_gelu`); empty for the activation,
    /// which appears as itself.
    package let name: String
    package let type: ValueType
    /// The values the design space uses or the RTL accepts, in words (e.g. "1, 16").
    package let range: String
    /// One line: what the parameter means in the hardware.
    package let description: String

    package init(_ name: String, _ type: ValueType, range: String, _ description: String) {
        self.name = name
        self.type = type
        self.range = range
        self.description = description
    }
}
