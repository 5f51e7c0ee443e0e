/// The activation buffer's stored form in main memory (docs/isa.md, zero-free storage): a
/// word's non-zero values packed to the front in order, and its mask (bit i = 1 when value i
/// is zero, little-endian bytes).
extension TileCodec {
    /// The stored form of `values`: packed values and the mask's bytes (`maskBytes` long).
    package static func zeroFree(_ values: [Int64], maskBytes: Int) -> (packed: [Int64], mask: [UInt8]) {
        var mask = [UInt8](repeating: 0, count: maskBytes)
        for (i, v) in values.enumerated() where v == 0 { mask[i / 8] |= 1 << UInt8(i % 8) }
        let kept = values.filter { $0 != 0 }
        return (kept + [Int64](repeating: 0, count: values.count - kept.count), mask)
    }

    /// The dense values of a stored word: `packed` back at the positions `mask` keeps.
    package static func dense(_ packed: [Int64], mask: ArraySlice<UInt8>) -> [Int64] {
        let base = mask.startIndex
        var next = 0
        return packed.indices.map { i in
            if (mask[base + i / 8] >> UInt8(i % 8)) & 1 == 1 { return 0 }
            defer { next += 1 }
            return packed[next]
        }
    }
}
