import HardwareModules

/// A controller program: the instructions and the geometry they were compiled for.
package struct Program: Sendable, Equatable {
    /// What the program assumes of the design (checked against it before a run).
    package struct Target: Sendable, Equatable {
        package var batchTile: Int
        package var tile: Int
        package var integerBits: Int
        package var fractionBits: Int
        package var lanes: Int
        package init(_ g: ProgramGeometry) {
            (batchTile, tile, integerBits, fractionBits, lanes) = (
                g.batchTile, g.tile, g.format.integerBits, g.format.fractionBits, g.lanes
            )
        }
        var description: String {
            "tile \(batchTile) x \(tile) x \(tile), Q\(integerBits).\(fractionBits) words, \(lanes) lanes per PE"
        }
    }

    package static let magic: [UInt8] = Array("TCPROG\0\0".utf8)
    package static let headerBytes = 32

    package var target: Target
    package var instructions: [Instruction]

    package init(target: Target, instructions: [Instruction]) {
        self.target = target
        self.instructions = instructions
    }

    /// The instruction words as they sit in main memory (16 bytes each, little-endian).
    package func image() throws -> [UInt8] { try instructions.flatMap { try $0.encode().bytes } }

    /// The program file: a 32-byte header (magic, ISA version, target, count), then the image.
    package func file() throws -> [UInt8] {
        var h = Self.magic
        func put(_ v: Int, _ bytes: Int) { for k in 0..<bytes { h.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        put(Instruction.isaVersion, 2)
        put(target.batchTile, 1)
        put(target.tile, 1)
        put(target.integerBits, 1)
        put(target.fractionBits, 1)
        put(target.lanes, 2)
        put(instructions.count, 4)
        h += [UInt8](repeating: 0, count: Self.headerBytes - h.count)
        return h + (try image())
    }

    /// Reads a program file written by `file()`.
    package init(file bytes: [UInt8]) throws {
        guard bytes.count >= Self.headerBytes, Array(bytes[0..<8]) == Self.magic else {
            throw ProgramError.badHeader(reason: "it does not start with TCPROG")
        }
        func get(_ at: Int, _ n: Int) -> Int { (0..<n).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let version = get(8, 2)
        guard (Instruction.oldestReadableVersion...Instruction.isaVersion).contains(version) else {
            throw ProgramError.versionMismatch(found: version, supported: Instruction.isaVersion)
        }
        let count = get(16, 4)
        guard bytes.count == Self.headerBytes + count * ProgramGeometry.instructionBytes else {
            throw ProgramError.badHeader(
                reason: "the header announces \(count) instructions but the file holds \(bytes.count - Self.headerBytes) bytes after it")
        }
        target = Target(batchTile: get(10, 1), tile: get(11, 1), integerBits: get(12, 1), fractionBits: get(13, 1), lanes: get(14, 2))
        instructions = try (0..<count).map { i in
            let at = Self.headerBytes + i * ProgramGeometry.instructionBytes
            return try Instruction(decoding: InstructionWord(bytes: bytes[at..<(at + ProgramGeometry.instructionBytes)]), index: i)
        }
    }
}

extension Program.Target {
    package init(batchTile: Int, tile: Int, integerBits: Int, fractionBits: Int, lanes: Int) {
        (self.batchTile, self.tile, self.integerBits, self.fractionBits, self.lanes) = (batchTile, tile, integerBits, fractionBits, lanes)
    }
}
