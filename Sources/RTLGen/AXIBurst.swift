/// One AXI4 INCR burst as its address handshake carries it: the beat-aligned start address
/// and the number of beats (AxLEN + 1).
package struct AXIBurst: Sendable, Equatable, CustomStringConvertible {
    package let address: UInt32
    package let beats: Int

    package init(address: UInt32, beats: Int) {
        self.address = address
        self.beats = beats
    }

    package var description: String { "\(String(address, radix: 16))+\(beats)" }
}
