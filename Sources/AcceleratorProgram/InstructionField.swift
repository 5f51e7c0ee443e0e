/// Where each field of an instruction word lives (docs/isa.md's table; the controller's
/// decoder in templates/top.sv.mustache reads the same positions).
package enum InstructionField {
    package static let opcode = (lsb: 0, width: 8)
    // load / store
    package static let target = (lsb: 8, width: 2)
    package static let rows = (lsb: 16, width: 16)
    package static let memoryAddress = (lsb: 32, width: 32)
    package static let stride = (lsb: 64, width: 32)
    package static let bufferAddress = (lsb: 96, width: 24)
    // PE operations
    package static let start = (lsb: 8, width: 1)
    package static let finish = (lsb: 9, width: 1)
    package static let activate = (lsb: 10, width: 1)
    package static let transpose = (lsb: 11, width: 1)
    package static let keepWeights = (lsb: 12, width: 1)
    package static let pe = (lsb: 16, width: 16)
    package static let group = (lsb: 32, width: 8)
    package static let source = (lsb: 40, width: 24)
    package static let second = (lsb: 64, width: 24)
    package static let destination = (lsb: 88, width: 24)
    // vector unit and pruning
    package static let function = (lsb: 8, width: 4)
    package static let scalar = (lsb: 16, width: 24)
    /// `prune`'s weight threshold (ISA version 2).
    package static let weightTau = (lsb: 40, width: 24)
}
