/// The cycles of the top's vector unit (templates/top.sv.mustache): each operand tile read
/// through the activation-buffer port (the granted request, the unpacker, then the data), one row per
/// cycle for an element-wise function or the whole tile in one cycle for a transpose, and
/// the write-back.
package struct VectorTiming: Sendable, Equatable {
    package let rows: Int
    /// The activation buffer's unpacker latency (`PETiming.unpackLatency`).
    package let readLatency: Int
    package init(rows: Int, readLatency: Int) { (self.rows, self.readLatency) = (rows, readLatency) }

    /// Cycles of one operand read when the port is free.
    package var readCycles: Int { 2 + readLatency }
    package static let writeBackCycles = 1

    /// Cycles of the compute phase: a row per cycle, or one cycle for a transpose.
    package func computeCycles(transpose: Bool) -> Int { transpose ? 1 : rows }

    /// Uncontested cycles of an operation with `operands` tile reads.
    package func cycles(operands: Int, transpose: Bool) -> Int {
        operands * readCycles + computeCycles(transpose: transpose) + Self.writeBackCycles
    }
}
