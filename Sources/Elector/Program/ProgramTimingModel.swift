import AcceleratorProgram
import DesignSpace
import HardwareModules

/// A cycle-level timing model of a controller program (docs/isa.md) on the generated top. It
/// steps the machine cycle by cycle with the rules the RTL follows: the program fetch, one
/// instruction issued per cycle in order by the central scheduler when its unit is free,
/// barriers and `end` waiting for every unit, `prune` waiting for the PEs, the layer-norm
/// parameter fetch, one operation at a time per PE (its weight load and tile read side by
/// side, the tile waiting for the last column), and the three shared buffer ports with
/// the top's fixed priorities (weight port: lowest PE first; activation read port: DMA, the
/// parameter fetch, the vector unit, then PEs; activation write port: DMA, vector unit, PEs),
/// with zero-free storage: reads leave the unpacker `PETiming.unpackLatency` cycles later,
/// writes land `packLatency` cycles after their grant, the read the priorities pick is not
/// granted while a write to its address is on its way (nor is any other that cycle), no write
/// while a DMA load into the activation or mask buffer runs, and such a load does not issue
/// before the writes land.
/// Phase lengths come from `PETiming`, `VectorTiming` and `DMATiming`, so no latency is
/// written twice. Values are not modelled: a matmul's row chunks come from `density`.
package struct ProgramTimingModel: Sendable {
    package let pe: PETiming
    package let vector: VectorTiming
    package let dma: DMATiming
    package let processingElements: Int
    /// Cycles a `prune` holds the PEs back while the threshold reaches them (the top's
    /// threshold-table write, then its load into DynaProp).
    package static let pruneCycles = 3
    /// The model stops (with an error) after this many cycles: a program that never ends.
    package static let cycleLimit = 50_000_000

    package init(pe: PETiming, vector: VectorTiming, dma: DMATiming, processingElements: Int) {
        self.pe = pe
        self.vector = vector
        self.dma = dma
        self.processingElements = processingElements
    }

    /// The model of `config` with `processingElements` PEs in `format`.
    package init(config: AcceleratorConfig, format: FixedPointFormat, processingElements: Int, dma: DMATiming) {
        self.init(
            pe: PETiming(config: config, format: format),
            vector: VectorTiming(
                rows: config.batchTile * config.spatialTile, readLatency: PETiming(config: config, format: format).unpackLatency),
            dma: dma, processingElements: processingElements)
    }

    enum PEPhase: Equatable {
        case idle
        /// The weight load and the tile read side by side (templates/pe_slot): columns still to
        /// load, and the read's cycles left until its dense tile arrives (`nil` before its
        /// grant, 1 in the arrival cycle, 0 after it: the tile waits in the PE's FIFO for the
        /// last column).
        case fetch(weightsLeft: Int, readLeft: Int?)
        case run(left: Int, writeBack: Bool)
        case writeBack
    }

    enum VectorPhase: Equatable {
        case idle
        case read(operandsLeft: Int, read: Bool)
        case compute(left: Int)
        case writeBack
    }

    struct Transfer {
        var firstCycle: Int
        var end: Int
        var portFrom: Int
        var portTo: Int
        var store: Bool
        var activation: Bool
        /// Moves activation or mask words (the ports the zero-free path shares).
        var zeroFree: Bool
        var bufferAddress: Int
    }

    /// Runs `program`. A matmul's row chunks (which matter when a lane has fewer multipliers
    /// than a row has values) come from `laneKept` when the data are known: per instruction
    /// index, per row, every lane's count of values kept by both the activation and the
    /// weight mask (`ProgramReference.runMeasuringKept`), which makes them exact. Otherwise
    /// `density` gives the fraction of values the tile keeps after DynaProp and
    /// `weightDensity` the fraction of its lanes' weights kept (each 1 when absent), and the
    /// chunks are their expectation over the group's lanes (`PETiming.tileChunks`).
    package func run(
        _ program: Program, density: [Int: Double] = [:], weightDensity: [Int: Double] = [:], laneKept: [Int: [[Int]]] = [:]
    ) throws -> ProgramTiming {
        let code = program.instructions
        for (i, instruction) in code.enumerated() {
            let unit: Int? =
                switch instruction {
                case .matmul(let m): m.pe
                case .softmax(let r), .layerNorm(let r, _): r.pe
                default: nil
                }
            if let unit, unit >= processingElements || unit < 0 {
                throw ElectorError.invalidSetting(
                    name: "instruction \(i) (\(instruction.mnemonic)) PE", value: "\(unit)", allowed: "0 to \(processingElements - 1)")
            }
        }
        var busy = [ModuleClassBusy: Int](uniqueKeysWithValues: ModuleClassBusy.allCases.map { ($0, 0) })
        var phase = [PEPhase](repeating: .idle, count: processingElements)
        var operation = [Int](repeating: 0, count: processingElements)  // 0 matmul, 1 softmax, 2 layer-norm (the top's op code)
        var destination = [Int](repeating: 0, count: processingElements)
        var source = [Int](repeating: 0, count: processingElements)
        var runLength = [Int](repeating: 0, count: processingElements)
        var writesBack = [Bool](repeating: true, count: processingElements)
        var vectorCompute = 0
        var vectorPhase = VectorPhase.idle
        var vectorDestination = 0
        var vectorOperands: [Int] = []
        // The program fetch is the first transfer, issued at the end of cycle 0.
        var transfer: Transfer? = makeTransfer(issuedAfter: 0, words: code.count, store: false, activation: false, address: 0)
        // Cycles left until a granted read's dense tile arrives (vector unit, parameters; a PE's
        // count is in its phase), and the last cycle a granted write is still in the packer.
        var vectorReadLeft = 0
        var parametersLeft = 0
        var packedUntil = -1
        // Addresses of the packed writes still on their way, with their grant cycles.
        var packedWrites: [(address: Int, granted: Int)] = []
        var running = false
        var pc = 0
        var pruneWait = 0
        var parametersValid = false
        var parametersAddress = -1
        var parametersLoading = false
        var cycle = 0
        while cycle < Self.cycleLimit {
            let t = transfer.map { cycle >= $0.firstCycle && cycle < $0.end } ?? false
            if !running, let f = transfer, cycle >= f.end { running = true }
            let dmaActive = t
            let dmaRead = t && transfer!.store && transfer!.zeroFree && cycle >= transfer!.portFrom && cycle <= transfer!.portTo
            let zeroFreeLoad = t && !transfer!.store && transfer!.zeroFree
            let packing = cycle <= packedUntil
            let dmaWrite = t && !transfer!.store && transfer!.activation && cycle >= transfer!.portFrom && cycle <= transfer!.portTo
            let peIdle = phase.map { $0 == .idle }
            let allPEIdle = !peIdle.contains(false)
            let head = running && pc < code.count ? code[pc] : nil

            // Activation write port.
            var vectorWriteGrant = false
            var peWriteGrant = -1
            if !zeroFreeLoad {
                if vectorPhase == .writeBack {
                    vectorWriteGrant = true
                } else {
                    peWriteGrant = phase.firstIndex(of: .writeBack) ?? -1
                }
            }
            // Activation read port: the priorities pick one request, granted unless the DMA reads
            // or a packed write to its address is on its way (granted this cycle or in the
            // packer's `packLatency` cycles before).
            packedWrites.removeAll { $0.granted < cycle - pe.packLatency }
            if vectorWriteGrant { packedWrites.append((vectorDestination, cycle)) }
            if peWriteGrant >= 0 { packedWrites.append((destination[peWriteGrant], cycle)) }
            let parametersRequest = parametersLoading && parametersLeft == 0
            var parametersGrant = false
            var vectorReadGrant = false
            var peReadGrant = -1
            let readAddress: Int?
            if parametersRequest {
                parametersGrant = true
                readAddress = parametersAddress
            } else if case .read(let left, false) = vectorPhase {
                vectorReadGrant = true
                readAddress = vectorOperands[vectorOperands.count - left]
            } else {
                peReadGrant = phase.firstIndex { if case .fetch(_, nil) = $0 { return true } else { return false } } ?? -1
                readAddress = peReadGrant >= 0 ? source[peReadGrant] : nil
            }
            if dmaRead || packedWrites.contains(where: { $0.address == readAddress }) {
                (parametersGrant, vectorReadGrant, peReadGrant) = (false, false, -1)
            }
            // Weight read port.
            let weightGrant =
                phase.firstIndex { if case .fetch(let left, _) = $0 { return left > 0 } else { return false } } ?? -1

            // Issue.
            var canIssue = false
            var parametersStart = false
            if let head {
                switch head {
                case .load(let x):
                    canIssue = !dmaActive && (x.buffer == .weight || !(packing || vectorWriteGrant || peWriteGrant >= 0))
                case .store: canIssue = !dmaActive
                case .matmul(let m): canIssue = peIdle[m.pe] && pruneWait == 0
                case .softmax(let r): canIssue = peIdle[r.pe] && pruneWait == 0
                case .layerNorm(let r, let parameters):
                    let match = parametersValid && parametersAddress == parameters
                    canIssue = peIdle[r.pe] && match && pruneWait == 0
                    let lnRunning = (0..<processingElements).contains { phase[$0] != .idle && operation[$0] == 2 }
                    parametersStart = !match && !parametersLoading && !lnRunning
                case .elementwise, .transpose: canIssue = vectorPhase == .idle
                case .prune: canIssue = allPEIdle
                case .barrier, .end:
                    canIssue = !dmaActive && allPEIdle && vectorPhase == .idle && pruneWait == 0 && !parametersLoading && !packing
                }
            }

            // Count this cycle.
            for p in 0..<processingElements where phase[p] != .idle {
                switch operation[p] {
                case 0: busy[.mac]! += 1
                case 1: busy[.softmax]! += 1
                default: busy[.layerNorm]! += 1
                }
                if case .fetch(_, 1) = phase[p] { busy[.dynaProp]! += 1 }
            }
            if dmaActive { busy[.dma]! += 1 }
            if vectorPhase != .idle { busy[.vector]! += 1 }

            if canIssue, case .end = head { return ProgramTiming(cycles: cycle + 1, busy: busy) }

            // The edge: writes this cycle, then every unit's next state.
            var written: [Int] = []
            if dmaWrite { written.append(transfer!.bufferAddress + (cycle - transfer!.portFrom) / dma.cyclesPerWord) }
            if vectorWriteGrant { written.append(vectorDestination) }
            if peWriteGrant >= 0 { written.append(destination[peWriteGrant]) }
            if written.contains(parametersAddress) { parametersValid = false }
            if vectorWriteGrant || peWriteGrant >= 0 { packedUntil = cycle + pe.packLatency }
            if parametersLeft > 0 {
                if parametersLeft == 1 {
                    parametersLoading = false
                    parametersValid = true
                }
                parametersLeft -= 1
            }
            if parametersGrant { parametersLeft = pe.tileReadCycles - 1 }
            if parametersStart, case .layerNorm(_, let parameters) = head {
                parametersLoading = true
                parametersAddress = parameters
            }
            if pruneWait > 0 { pruneWait -= 1 }

            for p in 0..<processingElements {
                switch phase[p] {
                case .idle: break
                case .fetch(let weightsLeft, let readLeft):
                    let left = weightsLeft - (weightGrant == p ? 1 : 0)
                    let arrived = readLeft.map { $0 <= 1 } ?? false
                    if weightsLeft == 0 && readLeft == 1 {
                        // The tile arrives with the weights in: it goes through.
                        phase[p] = .run(left: runLength[p], writeBack: writesBack[p])
                    } else if weightsLeft > 0 && left == 0 && arrived {
                        // The last column is granted with the tile already here: the tile leaves the
                        // FIFO once the column is in, one cycle later than if it had just arrived.
                        phase[p] = .run(left: runLength[p] + 1, writeBack: writesBack[p])
                    } else {
                        let read: Int? =
                            if let r = readLeft { max(r - 1, 0) } else { peReadGrant == p ? pe.tileReadCycles - 1 : nil }
                        phase[p] = .fetch(weightsLeft: left, readLeft: read)
                    }
                case .run(let left, let writeBack):
                    if left > 1 { phase[p] = .run(left: left - 1, writeBack: writeBack) } else { phase[p] = writeBack ? .writeBack : .idle }
                case .writeBack:
                    if peWriteGrant == p { phase[p] = .idle }
                }
            }
            switch vectorPhase {
            case .idle: break
            case .read(let left, let read):
                if read {
                    if vectorReadLeft > 1 {
                        vectorReadLeft -= 1
                    } else {
                        vectorPhase = left > 1 ? .read(operandsLeft: left - 1, read: false) : .compute(left: vectorCompute)
                    }
                } else if vectorReadGrant {
                    vectorPhase = .read(operandsLeft: left, read: true)
                    vectorReadLeft = vector.readCycles - 1
                }
            case .compute(let left): vectorPhase = left > 1 ? .compute(left: left - 1) : .writeBack
            case .writeBack: if vectorWriteGrant { vectorPhase = .idle }
            }

            if canIssue, let head {
                switch head {
                case .load(let x), .store(let x):
                    let store: Bool
                    if case .store = head { store = true } else { store = false }
                    transfer = makeTransfer(
                        issuedAfter: cycle, words: x.rows, store: store, activation: x.buffer == .activation, address: x.bufferAddress,
                        zeroFree: x.buffer != .weight)
                case .matmul(let m):
                    operation[m.pe] = 0
                    destination[m.pe] = m.destination
                    source[m.pe] = m.source
                    let n = m.keepWeights ? 0 : pe.weightColumns(group: m.group)
                    phase[m.pe] = .fetch(weightsLeft: n, readLeft: nil)
                    // Known data give each lane's kept count; otherwise the expectation over the
                    // row's and the group's columns' densities, as the tiler takes it.
                    let chunks =
                        laneKept[pc].map(pe.tileChunks(laneKept:))
                        ?? pe.tileChunks(
                            density: density[pc] ?? 1, weightDensity: weightDensity[pc] ?? 1, lanes: pe.weightColumns(group: m.group))
                    runLength[m.pe] = pe.matmulRunCycles(chunks: chunks)
                    writesBack[m.pe] = m.finish
                case .softmax(let r):
                    operation[r.pe] = 1
                    destination[r.pe] = r.destination
                    source[r.pe] = r.source
                    runLength[r.pe] = pe.softmaxRunCycles
                    writesBack[r.pe] = true
                    phase[r.pe] = .fetch(weightsLeft: 0, readLeft: nil)
                case .layerNorm(let r, _):
                    operation[r.pe] = 2
                    destination[r.pe] = r.destination
                    source[r.pe] = r.source
                    runLength[r.pe] = pe.layerNormRunCycles
                    writesBack[r.pe] = true
                    phase[r.pe] = .fetch(weightsLeft: 0, readLeft: nil)
                case .elementwise(let e):
                    let two = e.function == .add || e.function == .axpy
                    vectorCompute = vector.computeCycles(transpose: false)
                    vectorDestination = e.destination
                    vectorOperands = two ? [e.a, e.b] : [e.a]
                    vectorPhase = .read(operandsLeft: two ? 2 : 1, read: false)
                case .transpose(let a, let d):
                    vectorCompute = vector.computeCycles(transpose: true)
                    vectorDestination = d
                    vectorOperands = [a]
                    vectorPhase = .read(operandsLeft: 1, read: false)
                case .prune: pruneWait = Self.pruneCycles
                case .barrier, .end: break
                }
                pc += 1
            }
            cycle += 1
        }
        throw ElectorError.invalidSetting(name: "program", value: "\(code.count) instructions", allowed: "a program that ends")
    }

    /// A transfer issued at the end of cycle `c`: busy from the next cycle, its buffer port
    /// used one word per `cyclesPerWord` from `firstWordOffset` on.
    func makeTransfer(issuedAfter c: Int, words: Int, store: Bool, activation: Bool, address: Int, zeroFree: Bool = false) -> Transfer {
        let first = c + 1
        let from = first + dma.firstWordOffset
        return Transfer(
            firstCycle: first, end: first + dma.cycles(words: words, store: store), portFrom: from,
            portTo: from + words * dma.cyclesPerWord - 1, store: store, activation: activation, zeroFree: zeroFree, bufferAddress: address)
    }
}
