/// One SRAM shape of a design, kept as a black box in whole-design synthesis: a liberty cell
/// whose area, leakage and pin timing come from `SRAMMacroModel`.
package struct SRAMMacro: Hashable, Sendable {
    /// One pin or bus of the macro.
    package struct Port: Hashable, Sendable {
        package let name: String
        package let isOutput: Bool
        package let width: Int
        /// The clock pin (named `clk` in the SRAM template).
        package var isClock: Bool { name == "clk" }
    }

    /// The liberty cell name.
    package let name: String
    package let width: Int
    package let depth: Int
    package let addressBits: Int
    /// The buffer it models (activation, weight or mask), for its per-MB figures.
    package let kind: String
    package let ports: [Port]
    /// Instance names (module/cell) that use this shape.
    package let instances: [String]
    /// Area of one instance, square micrometres.
    package let areaUM2: Double
    /// Leakage of one instance, milliwatts.
    package let leakageMW: Double

    /// Capacity in megabytes (2^20 bytes), as the buffer figures are given.
    package var megabytes: Double { Double(width * depth) / 8 / 1_048_576 }
}
