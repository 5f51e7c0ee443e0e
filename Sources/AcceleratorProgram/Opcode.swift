/// Bits 7:0 of every instruction word (docs/isa.md).
package enum Opcode: UInt8, Sendable, CaseIterable {
    case load = 0x01
    case store = 0x02
    case matmul = 0x10
    case softmax = 0x11
    case layerNorm = 0x12
    case elementwise = 0x20
    case transpose = 0x21
    case prune = 0x30
    case barrier = 0x31
    case end = 0x3F
}
