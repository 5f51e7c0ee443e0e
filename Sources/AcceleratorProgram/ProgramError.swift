/// Why a program cannot be encoded, read or run on a design.
package enum ProgramError: Error, Equatable, CustomStringConvertible {
    case fieldOverflow(instruction: String, field: String, value: Int64, bits: Int)
    case unknownOpcode(index: Int, opcode: UInt8)
    case badField(index: Int, instruction: String, field: String, value: Int)
    case reservedBits(index: Int, instruction: String)
    case badHeader(reason: String)
    case versionMismatch(found: Int, supported: Int)
    case geometryMismatch(program: String, design: String)
    case tooLong(count: Int, depth: Int)
    case missingEnd
    case outOfRange(index: Int, instruction: String, buffer: String, first: Int, last: Int, words: Int)
    case beyondMasks(index: Int, instruction: String, first: Int, last: Int, maskWords: Int)
    case noSuchPE(index: Int, instruction: String, pe: Int, count: Int)
    case noSuchGroup(index: Int, group: Int, lanes: Int, tile: Int, groups: Int)
    case emptyTransfer(index: Int, instruction: String)
    case narrowStore(index: Int, buffer: String)
    case valueTooWide(index: Int, instruction: String, field: String, value: Int64, bits: Int)
    case hazard(index: Int, instruction: String, other: Int, otherInstruction: String, buffer: String, word: Int)
    /// The compiler wrote a program that fails validation (a compiler bug): the error and the listing.
    case compiled(error: String, listing: String)
    case brokenReduction(index: Int, instruction: String, pe: Int, reason: String)

    package var description: String {
        switch self {
        case .fieldOverflow(let i, let field, let value, let bits):
            return "\(i): \(field) \(value) does not fit its \(bits)-bit field"
        case .unknownOpcode(let index, let opcode):
            return "instruction \(index): unknown opcode 0x\(String(opcode, radix: 16)) (ISA version \(Instruction.isaVersion))"
        case .badField(let index, let i, let field, let value):
            return "instruction \(index) (\(i)): \(field) \(value) is not defined"
        case .reservedBits(let index, let i):
            return "instruction \(index) (\(i)): reserved bits are set; they must be 0 in ISA version \(Instruction.isaVersion)"
        case .badHeader(let reason):
            return "not a TransCODE program: \(reason)"
        case .versionMismatch(let found, let supported):
            return
                "program uses ISA version \(found); this build reads versions \(Instruction.oldestReadableVersion) to \(supported): recompile it with transcode compile"
        case .geometryMismatch(let program, let design):
            return "program was compiled for \(program), but the design has \(design): recompile it for this accelerator"
        case .tooLong(let count, let depth):
            return "program has \(count) instructions; the instruction queue holds \(depth): split the layer into several programs"
        case .missingEnd:
            return "program does not finish with end"
        case .outOfRange(let index, let i, let buffer, let first, let last, let words):
            return "instruction \(index) (\(i)): \(buffer) words \(first)...\(last) do not fit the \(buffer) buffer of \(words) words"
        case .beyondMasks(let index, let i, let first, let last, let maskWords):
            return
                "instruction \(index) (\(i)): activation words \(first)...\(last) have no mask word (the mask buffer holds \(maskWords) words and zero-free storage keeps each tile's mask at its address): use activation words below \(maskWords)"
        case .noSuchPE(let index, let i, let pe, let count):
            return "instruction \(index) (\(i)): PE \(pe) does not exist; the design has \(count) PEs"
        case .noSuchGroup(let index, let group, let lanes, let tile, let groups):
            return
                "instruction \(index) (matmul): column group \(group) does not exist; \(lanes) lanes cover a \(tile)-column tile in \(groups) group(s)"
        case .emptyTransfer(let index, let i):
            return "instruction \(index) (\(i)): rows must be at least 1"
        case .narrowStore(let index, let buffer):
            return
                "instruction \(index) (store): the \(buffer) buffer cannot be stored (its words are columns, narrower than the DMA word); store activation or mask words"
        case .valueTooWide(let index, let i, let field, let value, let bits):
            return "instruction \(index) (\(i)): \(field) \(value) does not fit the datapath's \(bits)-bit words"
        case .hazard(let index, let i, let other, let otherInstruction, let buffer, let word):
            return
                "instruction \(index) (\(i)) and instruction \(other) (\(otherInstruction)) both use \(buffer) word \(word) on different units with no barrier between them: add a barrier"
        case .compiled(let error, let listing):
            return "the compiled program is invalid: \(error)\n\(listing)"
        case .brokenReduction(let index, let i, let pe, let reason):
            return "instruction \(index) (\(i)) on PE \(pe): \(reason)"
        }
    }
}
