/// One module of a design before rendering: its template, canonical name and values.
/// Values that name another module of the design hold that module's canonical name;
/// rendering replaces them (`RTLGenerator.render(_:naming:banner:)`).
package struct DesignPart: Sendable {
    package let template: String
    /// Canonical module name (unprefixed, as in the catalogue and the hardware table).
    package let module: String
    package let values: [String: String]
    /// List-valued template parameters (records), passed through unchanged.
    package let lists: [String: [[String: String]]]
    package let flags: [String: Bool]
}
