import HardwareModules

/// Packs W-bit words into the little-endian byte layout the DMA moves: word i in bits
/// i*W +: W of a buffer word, byte 0 = bits 7:0.
package enum TileCodec {
    /// `values` (sign-extended or raw W-bit words) as `bytes` bytes.
    package static func encode(_ values: [Int64], bits: Int, bytes: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: bytes)
        for (i, v) in values.enumerated() {
            for k in 0..<bits where (v >> Int64(k)) & 1 == 1 {
                let bit = i * bits + k
                if bit / 8 < bytes { out[bit / 8] |= 1 << UInt8(bit % 8) }
            }
        }
        return out
    }

    /// `count` words of `bits` bits from `bytes`, sign-extended when `signed`.
    package static func decode(_ bytes: ArraySlice<UInt8>, count: Int, bits: Int, signed: Bool = true) -> [Int64] {
        let base = bytes.startIndex
        return (0..<count).map { i in
            var v: Int64 = 0
            for k in 0..<bits {
                let bit = i * bits + k
                if (bytes[base + bit / 8] >> UInt8(bit % 8)) & 1 == 1 { v |= Int64(1) << Int64(k) }
            }
            if signed && bits < 64 {
                let s = Int64(64 - bits)
                v = (v << s) >> s
            }
            return v
        }
    }
}
