/// The cycles of the top's vector unit (templates/top.sv.mustache): each operand tile read
/// through the activation-buffer port (the granted request, then the data), one row per
/// cycle for an element-wise function or the whole tile in one cycle for a transpose, and
/// the write-back.
package struct VectorTiming: Sendable, Equatable {
    package let rows: Int
    package init(rows: Int) { self.rows = rows }

    /// Cycles of one operand read when the port is free.
    package static let readCycles = 2
    package static let writeBackCycles = 1

    /// Cycles of the compute phase: a row per cycle, or one cycle for a transpose.
    package func computeCycles(transpose: Bool) -> Int { transpose ? 1 : rows }

    /// Uncontested cycles of an operation with `operands` tile reads.
    package func cycles(operands: Int, transpose: Bool) -> Int {
        operands * Self.readCycles + computeCycles(transpose: transpose) + Self.writeBackCycles
    }
}
