/// One rendered module: the part it came from, its prefixed name and its SystemVerilog.
package struct RenderedModule: Sendable {
    package let part: DesignPart
    /// The name in the generated SystemVerilog (the design's prefix, `_`, the canonical name).
    package let module: String
    package let text: String
}
