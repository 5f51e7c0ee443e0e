import AcceleratorProgram
import DesignSpace
import HardwareModules
import Testing

/// The frozen encoding: every instruction survives encode -> bytes -> decode, known words
/// decode to known fields, and bad words and bad programs fail with one exact line.
struct InstructionEncodingTests {
    static let config = try! AcceleratorConfig(
        batchTile: 1, spatialTile: 16, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 16,
        softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])
    static let geometry = ProgramGeometry(config: config, format: .paper, processingElements: 2)

    static let samples: [Instruction] = [
        .load(.init(buffer: .weight, bufferAddress: 0xABCDEF, rows: 65535, memoryAddress: 0xFFFF_FFFF, stride: 40)),
        .store(.init(buffer: .activation, bufferAddress: 7, rows: 1, memoryAddress: 4096, stride: 800)),
        .matmul(
            .init(
                pe: 1023, source: 3, weights: 0xFFFFFF, group: 1, destination: 9, start: true, finish: false, activate: true,
                transpose: true,
                keepWeights: true)),
        .matmul(.init(pe: 1, source: 4, weights: 16, destination: 5, start: false, finish: true)),
        .softmax(.init(pe: 1, source: 2, destination: 3, transpose: true)),
        .layerNorm(.init(pe: 0, source: 2, destination: 3), parameters: 11),
        .elementwise(.init(function: .axpy, a: 1, b: 2, destination: 3, scalar: -8_388_608)),
        .elementwise(.init(function: .relu, a: 1, destination: 1, scalar: 8_388_607)),
        .transpose(source: 5, destination: 6),
        .prune(tau: 0xFFFFFF),
        .prune(tau: 0, weightTau: 0xFFFFFF),
        .barrier, .end,
    ]

    @Test func everyInstructionRoundTrips() throws {
        for (k, i) in Self.samples.enumerated() {
            let w = try i.encode()
            #expect(try Instruction(decoding: InstructionWord(bytes: w.bytes[...]), index: k) == i)
        }
    }

    /// Pins the bit positions: changing the encoding must change ISA version and this test.
    @Test func knownWordsAreFrozen() throws {
        let load = try Instruction.load(.init(buffer: .weight, bufferAddress: 0x12, rows: 3, memoryAddress: 0x1000, stride: 40)).encode()
        #expect(load.hex == "00000012000000280000100000030101")
        let mm = try Instruction.matmul(.init(pe: 1, source: 2, weights: 3, group: 0, destination: 4, start: true, finish: true)).encode()
        #expect(mm.hex == "00000000040000030000020000010310")
        #expect(try Instruction.end.encode().hex == "0000000000000000000000000000003f")
        // Version 2: prune's weight threshold in bits 63:40; a version 1 prune word (weight
        // threshold 0) is unchanged.
        #expect(try Instruction.prune(tau: 0x123).encode().hex == "00000000000000000000000001230030")
        #expect(try Instruction.prune(tau: 0x123, weightTau: 0x456).encode().hex == "00000000000000000004560001230030")
        #expect(Instruction.isaVersion == 3 && Instruction.oldestReadableVersion == 1)
    }

    @Test func badWordsFailWithOneLine() throws {
        #expect(throws: ProgramError.unknownOpcode(index: 3, opcode: 0x55)) {
            try Instruction(decoding: InstructionWord(low: 0x55), index: 3)
        }
        #expect("\(ProgramError.unknownOpcode(index: 3, opcode: 0x55))" == "instruction 3: unknown opcode 0x55 (ISA version 3)")
        #expect(throws: ProgramError.reservedBits(index: 0, instruction: "barrier")) {
            try Instruction(decoding: InstructionWord(low: 0x31, high: 1 << 63), index: 0)
        }
        #expect(throws: ProgramError.badField(index: 2, instruction: "load", field: "target", value: 3)) {
            try Instruction(decoding: InstructionWord(low: 0x301), index: 2)
        }
        let e = ProgramError.fieldOverflow(instruction: "matmul", field: "pe", value: 65536, bits: 16)
        #expect(throws: e) {
            try Instruction.matmul(.init(pe: 65536, source: 0, weights: 0, destination: 0, start: true, finish: true)).encode()
        }
        #expect("\(e)" == "matmul: pe 65536 does not fit its 16-bit field")
    }

    @Test func programFilesRoundTripAndRejectOtherVersions() throws {
        let p = Program(target: .init(Self.geometry), instructions: Self.samples)
        var bytes = try p.file()
        #expect(try Program(file: bytes) == p)
        // Version 1 and 2 files still read (their words mean the same in version 3).
        bytes[8] = 1
        #expect(try Program(file: bytes) == p)
        bytes[8] = 2
        #expect(try Program(file: bytes) == p)
        bytes[8] = 4
        #expect(throws: ProgramError.versionMismatch(found: 4, supported: 3)) { try Program(file: bytes) }
        #expect(
            "\(ProgramError.versionMismatch(found: 4, supported: 3))"
                == "program uses ISA version 4; this build reads versions 1 to 3: recompile it with transcode compile")
    }

    func check(_ instructions: [Instruction], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let p = Program(target: .init(Self.geometry), instructions: instructions)
        do {
            try p.validate(on: Self.geometry)
            Issue.record("validated: \(message)", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error)" == message, sourceLocation: sourceLocation)
        }
    }

    @Test func programsThatDoNotFitTheDesignFailWithOneLine() throws {
        let g = Self.geometry
        #expect(g.activationWords == 6553 && g.columnGroups == 2)
        check(
            [.load(.init(buffer: .activation, bufferAddress: 6550, rows: 4, memoryAddress: 0, stride: 640)), .end],
            "instruction 0 (load): activation words 6550...6553 do not fit the activation buffer of 6553 words")
        check(
            [.matmul(.init(pe: 2, source: 0, weights: 0, destination: 1, start: true, finish: true)), .end],
            "instruction 0 (matmul): PE 2 does not exist; the design has 2 PEs")
        check(
            [.matmul(.init(pe: 0, source: 0, weights: 0, group: 2, destination: 1, start: true, finish: true)), .end],
            "instruction 0 (matmul): column group 2 does not exist; 8 lanes cover a 16-column tile in 2 group(s)")
        check([.barrier], "program does not finish with end")
        check(
            [.store(.init(buffer: .weight, bufferAddress: 0, rows: 1, memoryAddress: 0, stride: 40)), .end],
            "instruction 0 (store): the weight buffer cannot be stored (its words are columns, narrower than the DMA word); store activation or mask words"
        )
        // Zero-free storage: a PE's read of an activation word also reads its mask word.
        check(
            [
                .load(.init(buffer: .mask, bufferAddress: 5, rows: 1, memoryAddress: 0, stride: 640)),
                .softmax(.init(pe: 0, source: 5, destination: 6)), .end,
            ],
            "instruction 1 (softmax) and instruction 0 (load) both use mask word 5 on different units with no barrier between them: add a barrier"
        )
        check([.prune(tau: 1 << 20), .end], "instruction 0 (prune): tau 1048576 does not fit the datapath's 20-bit words")
        check(
            Array(repeating: .barrier, count: 256) + [.end],
            "program has 257 instructions; the instruction queue holds 256: split the layer into several programs")
        check(
            [
                .matmul(.init(pe: 0, source: 0, weights: 0, destination: 1, start: true, finish: false)),
                .softmax(.init(pe: 0, source: 2, destination: 3)), .end,
            ],
            "instruction 1 (softmax) on PE 0: runs inside an unfinished K-reduction, whose partial sums it would overwrite")
        check(
            [.matmul(.init(pe: 1, source: 0, weights: 0, destination: 1, start: false, finish: true)), .end],
            "instruction 0 (matmul) on PE 1: continues a K-reduction that was never started")
        let other = ProgramGeometry(
            config: try AcceleratorConfig(
                batchTile: 4, spatialTile: 8, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 16, softmaxPerPE: 2,
                batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0]),
            format: .paper)
        #expect(throws: ProgramError.self) { try Program(target: .init(other), instructions: [.end]).validate(on: g) }
        do {
            try Program(target: .init(other), instructions: [.end]).validate(on: g)
        } catch {
            #expect(
                "\(error)"
                    == "program was compiled for tile 4 x 8 x 8, Q4.16 words, 8 lanes per PE, but the design has tile 1 x 16 x 16, Q4.16 words, 8 lanes per PE: recompile it for this accelerator"
            )
        }
    }

    @Test func missingBarriersBetweenUnitsAreFound() throws {
        let load = Instruction.load(.init(buffer: .activation, bufferAddress: 4, rows: 2, memoryAddress: 0, stride: 640))
        let mm = Instruction.matmul(.init(pe: 0, source: 5, weights: 0, destination: 6, start: true, finish: true))
        check(
            [load, mm, .end],
            "instruction 1 (matmul) and instruction 0 (load) both use activation word 5 on different units with no barrier between them: add a barrier"
        )
        let p = Program(target: .init(Self.geometry), instructions: [load, .barrier, mm, .end])
        try p.validate(on: Self.geometry)
    }

    /// A mask buffer shallower than the activation buffer limits the activation words a
    /// program can use (each tile's mask sits at its address): one line names the limit.
    @Test func activationWordsWithoutAMaskWordAreRefused() throws {
        let config = try AcceleratorConfig(
            batchTile: 1, spatialTile: 16, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 16,
            softmaxPerPE: 2, batchSize: 4, activationBufferMB: 64, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])
        let g = ProgramGeometry(config: config, format: .paper, processingElements: 2)
        #expect(g.activationWords == 104_857 && g.maskWords == 32_768 && g.usableActivationWords == 32_768)
        let p = Program(
            target: .init(g),
            instructions: [.load(.init(buffer: .activation, bufferAddress: 32_767, rows: 2, memoryAddress: 0, stride: 640)), .end])
        #expect(throws: ProgramError.beyondMasks(index: 0, instruction: "load", first: 32_767, last: 32_768, maskWords: 32_768)) {
            try p.validate(on: g)
        }
        #expect(
            "\(ProgramError.beyondMasks(index: 0, instruction: "load", first: 32_767, last: 32_768, maskWords: 32_768))"
                == "instruction 0 (load): activation words 32767...32768 have no mask word (the mask buffer holds 32768 words and zero-free storage keeps each tile's mask at its address): use activation words below 32768"
        )
        try Program(
            target: .init(g),
            instructions: [.load(.init(buffer: .activation, bufferAddress: 32_766, rows: 2, memoryAddress: 0, stride: 640)), .end]
        ).validate(on: g)
    }
}
