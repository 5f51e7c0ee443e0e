/// A 128-bit instruction word with bit-range access; stored little-endian (16 bytes).
package struct InstructionWord: Sendable, Equatable {
    package var low: UInt64
    package var high: UInt64

    package init(low: UInt64 = 0, high: UInt64 = 0) {
        self.low = low
        self.high = high
    }

    /// Bits lsb ..< lsb + width (width <= 64, the range inside one half or across both).
    package func field(_ lsb: Int, _ width: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<width where bit(lsb + i) { v |= 1 << UInt64(i) }
        return v
    }

    package mutating func set(_ lsb: Int, _ width: Int, _ value: UInt64) {
        for i in 0..<width { setBit(lsb + i, (value >> UInt64(i)) & 1 == 1) }
    }

    func bit(_ i: Int) -> Bool { i < 64 ? (low >> UInt64(i)) & 1 == 1 : (high >> UInt64(i - 64)) & 1 == 1 }

    mutating func setBit(_ i: Int, _ on: Bool) {
        if i < 64 {
            low = on ? low | (1 << UInt64(i)) : low & ~(1 << UInt64(i))
        } else {
            high = on ? high | (1 << UInt64(i - 64)) : high & ~(1 << UInt64(i - 64))
        }
    }

    /// The 16 bytes, little-endian (byte 0 = bits 7:0).
    package var bytes: [UInt8] { (0..<16).map { UInt8(truncatingIfNeeded: field($0 * 8, 8)) } }

    package init(bytes: ArraySlice<UInt8>) {
        self.init()
        for (k, b) in bytes.enumerated() { set(k * 8, 8, UInt64(b)) }
    }

    /// 32 hex digits, most significant first (as $readmemh reads a 128-bit word).
    package var hex: String {
        let h = String(high, radix: 16)
        let l = String(low, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h + String(repeating: "0", count: 16 - l.count) + l
    }
}
