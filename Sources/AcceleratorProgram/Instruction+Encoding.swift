extension Instruction {
    private typealias F = InstructionField

    package var opcode: Opcode {
        switch self {
        case .load: return .load
        case .store: return .store
        case .matmul: return .matmul
        case .softmax: return .softmax
        case .layerNorm: return .layerNorm
        case .elementwise: return .elementwise
        case .transpose: return .transpose
        case .prune: return .prune
        case .barrier: return .barrier
        case .end: return .end
        }
    }

    /// The fields this instruction sets, as (name, position, value); everything else is 0.
    /// Values are checked against their field width by `encode`.
    private var fields: [(String, (lsb: Int, width: Int), Int64)] {
        func flag(_ b: Bool) -> Int64 { b ? 1 : 0 }
        switch self {
        case .load(let t), .store(let t):
            return [
                ("target", F.target, Int64(t.buffer.rawValue)), ("rows", F.rows, Int64(t.rows)),
                ("memory address", F.memoryAddress, Int64(t.memoryAddress)), ("stride", F.stride, Int64(t.stride)),
                ("buffer address", F.bufferAddress, Int64(t.bufferAddress)),
            ]
        case .matmul(let m):
            return [
                ("start", F.start, flag(m.start)), ("finish", F.finish, flag(m.finish)), ("activate", F.activate, flag(m.activate)),
                ("transpose", F.transpose, flag(m.transpose)), ("keep weights", F.keepWeights, flag(m.keepWeights)),
                ("pe", F.pe, Int64(m.pe)), ("group", F.group, Int64(m.group)), ("source", F.source, Int64(m.source)),
                ("weights", F.second, Int64(m.weights)), ("destination", F.destination, Int64(m.destination)),
            ]
        case .softmax(let r):
            return [
                ("transpose", F.transpose, flag(r.transpose)), ("pe", F.pe, Int64(r.pe)), ("source", F.source, Int64(r.source)),
                ("destination", F.destination, Int64(r.destination)),
            ]
        case .layerNorm(let r, let parameters):
            return [
                ("transpose", F.transpose, flag(r.transpose)), ("pe", F.pe, Int64(r.pe)), ("source", F.source, Int64(r.source)),
                ("parameters", F.second, Int64(parameters)), ("destination", F.destination, Int64(r.destination)),
            ]
        case .elementwise(let e):
            return [
                ("function", F.function, Int64(e.function.rawValue)), ("scalar", F.scalar, e.scalar), ("a", F.source, Int64(e.a)),
                ("b", F.second, Int64(e.b)), ("destination", F.destination, Int64(e.destination)),
            ]
        case .transpose(let source, let destination):
            return [("source", F.source, Int64(source)), ("destination", F.destination, Int64(destination))]
        case .prune(let tau, let weightTau):
            return [("tau", F.scalar, tau), ("weight tau", F.weightTau, weightTau)]
        case .barrier, .end:
            return []
        }
    }

    /// The 128-bit word; throws when a value does not fit its field.
    package func encode() throws -> InstructionWord {
        var w = InstructionWord()
        w.set(F.opcode.lsb, F.opcode.width, UInt64(opcode.rawValue))
        for (name, position, value) in fields {
            let signed = name == "scalar"
            let limit = Int64(1) << Int64(position.width)
            let fits = signed ? (-(limit / 2)..<(limit / 2)).contains(value) : (0..<limit).contains(value)
            guard fits else {
                throw ProgramError.fieldOverflow(instruction: mnemonic, field: name, value: value, bits: position.width)
            }
            w.set(position.lsb, position.width, UInt64(bitPattern: value) & (UInt64.max >> UInt64(64 - position.width)))
        }
        return w
    }

    /// Decodes a word; `index` names the instruction in errors.
    package init(decoding w: InstructionWord, index: Int) throws {
        let raw = UInt8(w.field(F.opcode.lsb, F.opcode.width))
        guard let op = Opcode(rawValue: raw) else { throw ProgramError.unknownOpcode(index: index, opcode: raw) }
        func u(_ p: (lsb: Int, width: Int)) -> Int { Int(w.field(p.lsb, p.width)) }
        func b(_ p: (lsb: Int, width: Int)) -> Bool { w.field(p.lsb, p.width) == 1 }
        let decoded: Instruction
        switch op {
        case .load, .store:
            guard let target = BufferTarget(rawValue: u(F.target)) else {
                throw ProgramError.badField(index: index, instruction: op == .load ? "load" : "store", field: "target", value: u(F.target))
            }
            let t = Transfer(
                buffer: target, bufferAddress: u(F.bufferAddress), rows: u(F.rows), memoryAddress: u(F.memoryAddress), stride: u(F.stride))
            decoded = op == .load ? .load(t) : .store(t)
        case .matmul:
            decoded = .matmul(
                Matmul(
                    pe: u(F.pe), source: u(F.source), weights: u(F.second), group: u(F.group), destination: u(F.destination),
                    start: b(F.start), finish: b(F.finish), activate: b(F.activate), transpose: b(F.transpose),
                    keepWeights: b(F.keepWeights)))
        case .softmax:
            decoded = .softmax(RowOperation(pe: u(F.pe), source: u(F.source), destination: u(F.destination), transpose: b(F.transpose)))
        case .layerNorm:
            decoded = .layerNorm(
                RowOperation(pe: u(F.pe), source: u(F.source), destination: u(F.destination), transpose: b(F.transpose)),
                parameters: u(F.second))
        case .elementwise:
            guard let function = ElementwiseFunction(rawValue: u(F.function)) else {
                throw ProgramError.badField(index: index, instruction: "ewise", field: "function", value: u(F.function))
            }
            let s = Int64(w.field(F.scalar.lsb, F.scalar.width))
            let scalar = (s << 40) >> 40
            decoded = .elementwise(
                Elementwise(function: function, a: u(F.source), b: u(F.second), destination: u(F.destination), scalar: scalar))
        case .transpose:
            decoded = .transpose(source: u(F.source), destination: u(F.destination))
        case .prune:
            decoded = .prune(
                tau: Int64(w.field(F.scalar.lsb, F.scalar.width)), weightTau: Int64(w.field(F.weightTau.lsb, F.weightTau.width)))
        case .barrier:
            decoded = .barrier
        case .end:
            decoded = .end
        }
        // Every bit outside the instruction's fields must be 0, so that a later version can
        // give those bits a meaning without old programs changing behaviour.
        guard try decoded.encode() == w else { throw ProgramError.reservedBits(index: index, instruction: decoded.mnemonic) }
        self = decoded
    }
}
