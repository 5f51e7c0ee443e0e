import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import RTLSim
import Testing

/// The csr block in Verilator against `CSRReference`: AXI4-Lite writes and reads in every
/// handshake order, byte strobes, read-only registers refusing writes, the self-clearing
/// start, and SLVERR for unmapped addresses.
@Suite(.serialized) struct CSRRTLTests {
    typealias Op = CSRTestbench.Operation

    static func offset(_ id: CSRRegister.ID) -> Int { CSRMap.offset(of: id) }

    @Test func registersAnswerLikeTheReference() throws {
        let variant = ModuleVariant.csr(wordBits: 20)
        let map = CSRMap(wordBits: 20)
        let inputs: [String: [UInt32]] = [
            "busy": [1], "done": [0], "error": [1], "error_code": [0xE5], "cycles": [123_456],
            "busy_counters": [11, 0x2222_2222, 0xFFFF_FFFF, 0x8000_0001, 7],
        ]
        let ops: [Op] =
            [
                Op(write: true, address: Self.offset(.progAddr), data: 0xDEAD_BEEF),
                Op(write: false, address: Self.offset(.progAddr)),
                // Byte strobes: bytes 0 and 2 only; data before address; a late BREADY.
                Op(write: true, address: Self.offset(.progAddr), data: 0x1122_3344, strobes: 0b0101, delays: (2, 0, 3)),
                Op(write: false, address: Self.offset(.progAddr), delays: (1, 0, 2)),
                Op(write: true, address: Self.offset(.progLen), data: 5, delays: (0, 3, 0)),
                Op(write: false, address: Self.offset(.progLen)),
                // A 20-bit threshold: the upper bits are not kept.
                Op(write: true, address: Self.offset(.tauI), data: 0xFFFF_8001),
                Op(write: true, address: Self.offset(.tauT), data: 0x0000_0042, strobes: 0b0001),
                Op(write: false, address: Self.offset(.tauI)),
                Op(write: false, address: Self.offset(.tauT)),
                // Read-only registers refuse writes and keep answering their inputs.
                Op(write: true, address: Self.offset(.status), data: 0xFFFF_FFFF),
                Op(write: true, address: Self.offset(.cycles), data: 1),
                Op(write: false, address: Self.offset(.status)),
                Op(write: false, address: Self.offset(.cycles)),
                Op(write: false, address: Self.offset(.errorCode)),
            ] + CSRMap.busyClasses.map { Op(write: false, address: Self.offset($0.id)) } + [
                // Start: one pulse per write of 1 with its byte strobe; none for 0 or no strobe.
                Op(write: true, address: Self.offset(.ctrl), data: 1),
                Op(write: false, address: Self.offset(.ctrl)),
                Op(write: true, address: Self.offset(.ctrl), data: 0),
                Op(write: true, address: Self.offset(.ctrl), data: 1, strobes: 0b1110),
                Op(write: true, address: Self.offset(.ctrl), data: 1, delays: (0, 1, 0)),
                // Unmapped addresses.
                Op(write: true, address: 0x18, data: 1),
                Op(write: false, address: 0x18),
                Op(write: false, address: 0x3C),
                Op(write: true, address: 0x7C, data: 1),
                Op(write: false, address: 0x7C),
            ]
        let result = try CSRTestbench(generator: RTLFixtures.generator).run(variant, inputs: inputs, operations: ops)
        var reference = CSRReference(map: map, inputs: inputs)
        var expected: [(response: Int, data: UInt32, outputs: [UInt32])] = []
        var pulses = 0
        let outputPorts = map.registers.filter { $0.access == .readWrite }.map { $0.fields[0].port }
        for op in ops {
            let answer: (Int, UInt32)
            if op.write {
                let w = reference.write(address: op.address, data: op.data, strobes: op.strobes)
                pulses += w.pulses.count
                answer = (w.response, 0)
            } else {
                answer = reference.read(address: op.address)
            }
            expected.append((answer.0, answer.1, outputPorts.map { reference.output($0) }))
        }
        #expect(result.responses.count == ops.count)
        for (i, (got, want)) in zip(result.responses, expected).enumerated() {
            #expect(got.response == want.response && got.data == want.data && got.outputs == want.outputs, "operation \(i)")
        }
        // Two starts, each one cycle long.
        #expect(pulses == 2)
        #expect(result.startCycles.count == pulses)
        #expect(zip(result.startCycles, result.startCycles.dropFirst()).allSatisfy { $1 - $0 > 1 })
        // Hand-checked figures, so the reference cannot drift with the RTL.
        #expect(expected[3].data == 0xDE22_BE44)
        #expect(expected[8].data == 0xF_8001 && expected[9].data == 0x42)
        #expect(expected[10].response == CSRReference.slaveError && expected[12].data == 0b101)
        #expect(expected[15 + 2].data == 0xFFFF_FFFF)
    }

    /// The offsets are the contract's.
    @Test func offsetsFollowTheContract() {
        let expected: [(CSRRegister.ID, Int)] = [
            (.ctrl, 0x00), (.status, 0x04), (.progAddr, 0x08), (.progLen, 0x0C), (.cycles, 0x10), (.errorCode, 0x14),
            (.busyMAC, 0x20), (.busySoftmax, 0x24), (.busyLayerNorm, 0x28), (.busyDynaProp, 0x2C), (.busyDMA, 0x30), (.tauI, 0x40),
            (.tauT, 0x44),
        ]
        for (id, offset) in expected { #expect(CSRMap.offset(of: id) == offset, "\(id)") }
        let map = CSRMap(wordBits: 16)
        #expect(Set(map.registers.map(\.offset)).count == map.registers.count)
        #expect(map.registers.map(\.id) == CSRRegister.ID.allCases)
        #expect(map.addressBits == 7)
    }
}

/// docs/csr.md is generated from the register description and must be current.
@Suite struct CSRDocumentTests {
    @Test func docsCSRIsCurrent() throws {
        let text = CSRDocument.markdown(wordBits: FixedPointFormat.paper.bits)
        let path = ProjectFiles.path("docs/csr.md")
        if ProcessInfo.processInfo.environment["TRANSCODE_RECORD_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded docs/csr.md: review the diff and run again without TRANSCODE_RECORD_GOLDEN")
            return
        }
        let stored = try? String(contentsOfFile: path, encoding: .utf8)
        #expect(
            stored == text, "docs/csr.md is stale; refresh it with: TRANSCODE_RECORD_GOLDEN=1 swift test --filter CSRDocumentTests")
    }
}
