import RTLGen

/// What the DMA testbench recorded (templates/dma_engine_tb.sv.mustache): every address
/// handshake, every buffer write, the err output at each completion, and the memory at the end.
package struct DMATrace: Sendable {
    /// Address handshakes in order; `write` for AW, otherwise AR.
    package var bursts: [(write: Bool, burst: AXIBurst)] = []
    /// Buffer writes in order: target, buffer address, word (byte 0 first).
    package var bufferWrites: [(target: Int, address: Int, word: [UInt8])] = []
    /// The err output when each command completed.
    package var errAtCompletion: [Bool] = []
    /// err and the memory model's violation flag at the end.
    package var error = false
    package var violation = false
    /// Cycles from reset to the end; nil when the testbench gave up (a command never completed).
    package var cycles: Int?
    /// Main memory after the run (byte i at address i).
    package var memory: [UInt8] = []

    /// Parses trace.txt and memory_out.hex.
    init(trace: String, memory dump: String, wordBytes: Int) {
        for line in trace.split(separator: "\n") {
            let f = line.split(separator: " ").map(String.init)
            switch f.first {
            case "AR", "AW":
                bursts.append((f[0] == "AW", AXIBurst(address: UInt32(f[1], radix: 16)!, beats: Int(f[2])!)))
            case "BW":
                bufferWrites.append((Int(f[1])!, Int(f[2], radix: 16)!, Self.bytes(hex: f[3], count: wordBytes)))
            case "DONE":
                errAtCompletion.append(f[2] == "1")
            case "END":
                error = f[1] == "1"
                violation = f[2] == "1"
                cycles = Int(f[3])
            default:
                break
            }
        }
        memory = dump.split(whereSeparator: \.isWhitespace).filter { !$0.hasPrefix("//") && !$0.hasPrefix("@") }
            .map { UInt8($0, radix: 16) ?? 0 }
    }

    /// The little-endian bytes of a hex number printed most significant digit first.
    static func bytes(hex: String, count: Int) -> [UInt8] {
        let digits = Array(hex)
        return (0..<count).map { i in
            let end = digits.count - 2 * i
            return end >= 2 ? UInt8(String(digits[(end - 2)..<end]), radix: 16) ?? 0 : 0
        }
    }

    /// The hex line of a word given byte 0 first.
    static func hex(_ word: [UInt8]) -> String { word.reversed().map { String(format: "%02x", $0) }.joined() }
}
