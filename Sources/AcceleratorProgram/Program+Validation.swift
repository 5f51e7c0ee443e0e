extension Program {
    /// Which unit of the controller executes an instruction (units run concurrently; one
    /// unit executes its instructions in program order).
    enum Unit: Equatable {
        case dma
        case pe(Int)
        case vector, control
    }

    /// One buffer range an instruction reads or writes.
    struct Access {
        var buffer: BufferTarget
        var first: Int
        var count: Int
        var write: Bool
    }

    static func unit(_ i: Instruction) -> Unit {
        switch i {
        case .load, .store: return .dma
        case .matmul(let m): return .pe(m.pe)
        case .softmax(let r), .layerNorm(let r, _): return .pe(r.pe)
        case .elementwise, .transpose: return .vector
        case .prune, .barrier, .end: return .control
        }
    }

    /// The buffer ranges `i` touches. A PE or vector-unit access to an activation word also
    /// touches the mask word at its address (zero-free storage reads and writes both).
    static func accesses(_ i: Instruction, _ g: ProgramGeometry) -> [Access] {
        let direct = directAccesses(i, g)
        guard unit(i) != .dma else { return direct }
        return direct
            + direct.filter { $0.buffer == .activation }.map { Access(buffer: .mask, first: $0.first, count: $0.count, write: $0.write) }
    }

    static func directAccesses(_ i: Instruction, _ g: ProgramGeometry) -> [Access] {
        switch i {
        case .load(let t): return [Access(buffer: t.buffer, first: t.bufferAddress, count: t.rows, write: true)]
        case .store(let t): return [Access(buffer: t.buffer, first: t.bufferAddress, count: t.rows, write: false)]
        case .matmul(let m):
            let lanes = min(g.lanes, g.tile - min(m.group * g.lanes, g.tile))
            var a = [
                Access(buffer: .activation, first: m.source, count: 1, write: false),
                Access(buffer: .weight, first: m.weights, count: m.keepWeights ? 0 : max(lanes, 1), write: false),
            ]
            if m.finish { a.append(Access(buffer: .activation, first: m.destination, count: 1, write: true)) }
            return a
        case .softmax(let r):
            return [
                Access(buffer: .activation, first: r.source, count: 1, write: false),
                Access(buffer: .activation, first: r.destination, count: 1, write: true),
            ]
        case .layerNorm(let r, let p):
            return [
                Access(buffer: .activation, first: r.source, count: 1, write: false),
                Access(buffer: .activation, first: p, count: 1, write: false),
                Access(buffer: .activation, first: r.destination, count: 1, write: true),
            ]
        case .elementwise(let e):
            var a = [Access(buffer: .activation, first: e.a, count: 1, write: false)]
            if e.function == .add || e.function == .axpy { a.append(Access(buffer: .activation, first: e.b, count: 1, write: false)) }
            a.append(Access(buffer: .activation, first: e.destination, count: 1, write: true))
            return a
        case .transpose(let s, let d):
            return [
                Access(buffer: .activation, first: s, count: 1, write: false), Access(buffer: .activation, first: d, count: 1, write: true),
            ]
        case .prune, .barrier, .end: return []
        }
    }

    /// Checks that the program runs on `g` and computes what its sequential reading says:
    /// the target matches, every address fits, every PE and column group exists, values fit the
    /// datapath, K-reductions are not interleaved with other work on their PE, and any two
    /// instructions on different units that touch the same buffer word (one of them writing)
    /// are separated by a barrier.
    package func validate(on g: ProgramGeometry) throws {
        guard target == Target(g) else { throw ProgramError.geometryMismatch(program: target.description, design: Target(g).description) }
        guard instructions.count <= ProgramGeometry.instructionQueueDepth else {
            throw ProgramError.tooLong(count: instructions.count, depth: ProgramGeometry.instructionQueueDepth)
        }
        guard instructions.last == .end else { throw ProgramError.missingEnd }
        var openReduction = [Bool](repeating: false, count: g.processingElements)
        var pending: [(index: Int, unit: Unit, access: Access)] = []
        for (index, i) in instructions.enumerated() {
            let name = i.mnemonic
            func pe(_ p: Int) throws {
                guard p < g.processingElements else {
                    throw ProgramError.noSuchPE(index: index, instruction: name, pe: p, count: g.processingElements)
                }
            }
            switch i {
            case .load(let t), .store(let t):
                guard t.rows >= 1 else { throw ProgramError.emptyTransfer(index: index, instruction: name) }
                if case .store = i, t.buffer == .weight { throw ProgramError.narrowStore(index: index, buffer: t.buffer.name) }
            case .matmul(let m):
                try pe(m.pe)
                guard m.group < g.columnGroups else {
                    throw ProgramError.noSuchGroup(index: index, group: m.group, lanes: g.lanes, tile: g.tile, groups: g.columnGroups)
                }
                if m.start == openReduction[m.pe] {
                    throw ProgramError.brokenReduction(
                        index: index, instruction: name, pe: m.pe,
                        reason: m.start
                            ? "starts a K-reduction while the previous one has not finished"
                            : "continues a K-reduction that was never started")
                }
                openReduction[m.pe] = !m.finish
            case .softmax(let r), .layerNorm(let r, _):
                try pe(r.pe)
                if openReduction[r.pe] {
                    throw ProgramError.brokenReduction(
                        index: index, instruction: name, pe: r.pe,
                        reason: "runs inside an unfinished K-reduction, whose partial sums it would overwrite")
                }
            case .elementwise(let e):
                guard (g.format.minValue...g.format.maxValue).contains(e.scalar) else {
                    throw ProgramError.valueTooWide(index: index, instruction: name, field: "scalar", value: e.scalar, bits: g.format.bits)
                }
            case .prune(let tau, let weightTau):
                for (field, value) in [("tau", tau), ("weight tau", weightTau)] where value > g.format.maxValue {
                    throw ProgramError.valueTooWide(index: index, instruction: name, field: field, value: value, bits: g.format.bits)
                }
            case .transpose, .barrier, .end: break
            }
            let unit = Self.unit(i)
            for a in Self.accesses(i, g) where a.count > 0 {
                let words = g.words(a.buffer)
                guard a.first + a.count <= words else {
                    throw ProgramError.outOfRange(
                        index: index, instruction: name, buffer: a.buffer.name, first: a.first, last: a.first + a.count - 1, words: words)
                }
                if a.buffer == .activation, a.first + a.count > g.usableActivationWords {
                    throw ProgramError.beyondMasks(
                        index: index, instruction: name, first: a.first, last: a.first + a.count - 1, maskWords: g.maskWords)
                }
                for p in pending where p.unit != unit && p.access.buffer == a.buffer && (p.access.write || a.write) {
                    let lo = max(p.access.first, a.first)
                    if lo < min(p.access.first + p.access.count, a.first + a.count) {
                        throw ProgramError.hazard(
                            index: index, instruction: name, other: p.index, otherInstruction: instructions[p.index].mnemonic,
                            buffer: a.buffer.name, word: lo)
                    }
                }
            }
            if i == .barrier || i == .end {
                pending.removeAll()
            } else {
                pending += Self.accesses(i, g).map { (index, unit, $0) }
            }
        }
    }
}
