import DesignSpace
import Foundation
import HardwareModules
import RTLGen
import RTLSim
import Testing

/// The DMA engine in Verilator against the AXI memory model, compared with `DMAReference`:
/// the bursts it issues, the words it writes into the buffers and the bytes it leaves in
/// memory, with random stalls on every channel the memory drives.
@Suite(.serialized) struct DMAEngineRTLTests {
    struct Point: Sendable, CustomStringConvertible {
        let dataBits: Int
        let wordBits: Int
        let maxBurst: Int
        let stallPercent: Int
        let timing: AXIMemoryParameters
        var description: String { "d\(dataBits) w\(wordBits) l\(maxBurst) stall \(stallPercent)%" }
    }

    static let addressBits = 6
    static let memoryBytes = 32768
    /// Bytes that answer SLVERR; only the last command touches them.
    static let errorWindow = 30000..<30016

    static let points: [Point] = [
        // Buffer words wider than the bus, short bursts, a slow memory.
        Point(
            dataBits: 32, wordBits: 128, maxBurst: 16, stallPercent: 30,
            timing: AXIMemoryParameters(readLatency: 7, writeLatency: 5, beatsNumerator: 2, beatsDenominator: 3)),
        // Words narrower than the bus and not a power of two bytes; bursts of four beats.
        Point(
            dataBits: 128, wordBits: 40, maxBurst: 4, stallPercent: 30,
            timing: AXIMemoryParameters(readLatency: 3, writeLatency: 2, beatsNumerator: 1, beatsDenominator: 1)),
        // A 512-bit bus moving eight words a beat, longest bursts.
        Point(
            dataBits: 512, wordBits: 64, maxBurst: 256, stallPercent: 20,
            timing: AXIMemoryParameters(readLatency: 14, writeLatency: 13, beatsNumerator: 1, beatsDenominator: 2)),
    ]

    /// Commands that cover contiguous and strided rows, aligned and unaligned strides and
    /// bases, rows across 4 KiB, a store read back, a negative stride, no rows, and last a load
    /// from the error window.
    static func commands(_ p: Point) -> [DMACommand] {
        let bb = p.wordBits / 8
        let db = p.dataBits / 8
        let alignedStride = UInt32((bb + db - 1) / db * db + db)
        return [
            // Contiguous, aligned, across the 4 KiB boundary at 4096.
            DMACommand(store: false, target: 0, memoryAddress: UInt32(4096 - 3 * db), stride: UInt32(bb), bufferAddress: 0, rows: 9),
            // Strided with an aligned stride from an aligned base.
            DMACommand(store: false, target: 1, memoryAddress: 256, stride: alignedStride, bufferAddress: 2, rows: 5),
            // Unaligned base and stride.
            DMACommand(store: false, target: 2, memoryAddress: 1001, stride: UInt32(bb + 3), bufferAddress: 0, rows: 6),
            // A store of strided, unaligned words, one of them across 8192, ...
            DMACommand(
                store: true, target: 0, memoryAddress: UInt32(8192 - 2 * (bb + 5) - 1), stride: UInt32(bb + 5), bufferAddress: 3, rows: 6),
            // ... read back into another buffer: the round trip.
            DMACommand(
                store: false, target: 3, memoryAddress: UInt32(8192 - 2 * (bb + 5) - 1), stride: UInt32(bb + 5), bufferAddress: 10, rows: 6),
            // A contiguous store from an unaligned base across 12288.
            DMACommand(store: true, target: 1, memoryAddress: UInt32(12288 - 2 * bb + 4), stride: UInt32(bb), bufferAddress: 0, rows: 10),
            // A long contiguous load: many bursts, wrapping in the buffer.
            DMACommand(store: false, target: 2, memoryAddress: 16384 + UInt32(db), stride: UInt32(bb), bufferAddress: 40, rows: 60),
            // A descending (negative) stride, and a command of no rows.
            DMACommand(
                store: false, target: 1, memoryAddress: 20003, stride: 0 &- UInt32(bb + 1), bufferAddress: 20, rows: 4),
            DMACommand(store: true, target: 0, memoryAddress: 0, stride: 0, bufferAddress: 0, rows: 0),
            // The error: a load that reads bytes of the error window.
            DMACommand(
                store: false, target: 0, memoryAddress: UInt32(errorWindow.lowerBound - bb + 2), stride: UInt32(bb), bufferAddress: 0,
                rows: 2),
        ]
    }

    @Test(arguments: points)
    func dmaEngineMatchesTheReference(point p: Point) throws {
        let variant = ModuleVariant.dmaEngine(
            dataBits: p.dataBits, bufferBits: p.wordBits, bufferAddressBits: Self.addressBits, maxBurst: p.maxBurst)
        let bb = p.wordBits / 8
        let depth = 1 << Self.addressBits
        var rng = SeededGenerator(seed: UInt64(p.dataBits * 1000 + p.wordBits))
        let memory = (0..<Self.memoryBytes).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        var buffers = (0..<4).map { _ in (0..<depth).map { _ in (0..<bb).map { _ in UInt8(truncatingIfNeeded: rng.next()) } } }
        let commands = Self.commands(p)
        let trace = try DMATestbench(generator: RTLFixtures.generator).run(
            variant, commands: commands, memory: memory, buffers: buffers,
            setup: DMATestbench.Memory(timing: p.timing, stallPercent: p.stallPercent, seed: p.dataBits, errorWindow: Self.errorWindow))

        // The reference, command by command.
        let reference = DMAReference(dataBytes: p.dataBits / 8, wordBytes: bb, maxBurst: p.maxBurst, bufferDepth: depth)
        var expectedMemory = memory
        var expectedBursts: [(write: Bool, burst: AXIBurst)] = []
        var expectedWrites: [(target: Int, address: Int, word: [UInt8])] = []
        for c in commands {
            expectedBursts += reference.bursts(c).map { (c.store, $0) }
            if c.store {
                reference.store(c, words: buffers[c.target], into: &expectedMemory)
            } else {
                // Bytes of the error window read as zero.
                var visible = expectedMemory
                for a in Self.errorWindow { visible[a] = 0 }
                for w in reference.load(c, memory: visible) {
                    expectedWrites.append((c.target, w.address, w.word))
                    buffers[c.target][w.address] = w.word
                }
            }
        }

        // Locals, so that a failure prints the figure and not the whole trace.
        let (completed, violation, errors, error) = (trace.cycles != nil, trace.violation, trace.errAtCompletion, trace.error)
        #expect(completed, "a command never completed")
        #expect(!violation, "the memory model saw an AXI rule broken")
        #expect(errors == Array(repeating: false, count: commands.count - 1) + [true])
        #expect(error)
        #expect(trace.bursts.map(\.write) == expectedBursts.map(\.write))
        #expect(trace.bursts.map(\.burst) == expectedBursts.map(\.burst))
        #expect(trace.bufferWrites.count == expectedWrites.count)
        for (got, want) in zip(trace.bufferWrites, expectedWrites) {
            #expect(got.target == want.target && got.address == want.address && got.word == want.word)
        }
        let memoryMatches = trace.memory == expectedMemory
        #expect(memoryMatches, "memory after the run differs from the reference")
        // The round trip: the words read back are the words stored.
        let stored = commands[3]
        let readBack = trace.bufferWrites.filter { $0.target == 3 }.map(\.word)
        #expect(readBack == (0..<stored.rows).map { buffers[0][(stored.bufferAddress + $0) % depth] })
        // Every burst stays within 4 KiB and MAX_BURST.
        for b in trace.bursts.map(\.burst) {
            #expect(b.beats >= 1 && b.beats <= p.maxBurst)
            #expect(Int(b.address) / 4096 == (Int(b.address) + b.beats * p.dataBits / 8 - 1) / 4096)
        }
    }

    /// The reference itself on hand-worked cases: what the RTL is compared with must be right.
    @Test func referenceCutsBurstsAtFourKiBAndMaxBurst() {
        let r = DMAReference(dataBytes: 8, wordBytes: 16, maxBurst: 4, bufferDepth: 16)
        // 5 contiguous words (80 bytes) from 4080: 2 beats to 4096, then 8 beats in bursts of 4.
        let c = DMACommand(store: false, target: 0, memoryAddress: 4080, stride: 16, bufferAddress: 0, rows: 5)
        #expect(r.bursts(c) == [AXIBurst(address: 4080, beats: 2), AXIBurst(address: 4096, beats: 4), AXIBurst(address: 4128, beats: 4)])
        // Strided words from an unaligned base: one region a word, 3 beats each (offset 3 + 16 bytes).
        let s = DMACommand(store: false, target: 0, memoryAddress: 3, stride: 100, bufferAddress: 0, rows: 2)
        #expect(r.bursts(s) == [AXIBurst(address: 0, beats: 3), AXIBurst(address: 96, beats: 3)])
        let memory = (0..<256).map { UInt8($0) }
        #expect(r.load(s, memory: memory).map(\.word) == [Array(3..<19), Array(103..<119)])
        var m = memory
        r.store(s, words: [[UInt8](repeating: 0xAA, count: 16), [UInt8](repeating: 0xBB, count: 16)], into: &m)
        #expect(m[3..<19].allSatisfy { $0 == 0xAA } && m[103..<119].allSatisfy { $0 == 0xBB } && m[2] == 2 && m[19] == 19)
    }
}
