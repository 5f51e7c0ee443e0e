/// A fixed-width bit vector for testbench stimulus and responses (ports can be tens of
/// thousands of bits wide), little-endian in 64-bit words.
package struct BitVector: Hashable, Sendable {
    package let width: Int
    private(set) var words: [UInt64]

    package init(width: Int) {
        self.width = width
        words = [UInt64](repeating: 0, count: max((width + 63) / 64, 1))
    }

    /// Writes the low `bits` bits of `value` (two's complement) at `offset`.
    package mutating func set(_ value: Int64, at offset: Int, bits: Int) {
        precondition(offset + bits <= width, "field past the end of the vector")
        let raw = UInt64(bitPattern: value)
        for i in 0..<bits {
            let bit = (raw >> UInt64(i)) & 1
            let position = offset + i
            let (w, b) = (position / 64, UInt64(position % 64))
            words[w] = (words[w] & ~(1 << b)) | (bit << b)
        }
    }

    /// Reads `bits` bits at `offset`, sign-extended when `signed`.
    package func get(at offset: Int, bits: Int, signed: Bool = false) -> Int64 {
        var raw: UInt64 = 0
        for i in 0..<bits {
            let position = offset + i
            raw |= ((words[position / 64] >> UInt64(position % 64)) & 1) << UInt64(i)
        }
        if signed && bits < 64 && (raw >> UInt64(bits - 1)) & 1 == 1 {
            raw |= ~((UInt64(1) << UInt64(bits)) - 1)
        }
        return Int64(bitPattern: raw)
    }

    /// Hexadecimal, most significant digit first, exactly ceil(width / 4) digits.
    package var hex: String {
        let digits = (width + 3) / 4
        var out = ""
        out.reserveCapacity(digits)
        for d in stride(from: digits - 1, through: 0, by: -1) {
            let position = d * 4
            let nibble = (words[position / 64] >> UInt64(position % 64)) & 0xF
            out.append(Character(String(nibble, radix: 16)))
        }
        return out
    }

    /// Parses hexadecimal (as $fwrite prints it; x and z digits read as 0).
    package init(hex: Substring, width: Int) {
        self.init(width: width)
        var position = 0
        for ch in hex.reversed() {
            let nibble = UInt64(ch.hexDigitValue ?? 0)
            for i in 0..<4 where position + i < width {
                let p = position + i
                words[p / 64] |= ((nibble >> UInt64(i)) & 1) << UInt64(p % 64)
            }
            position += 4
        }
    }
}
