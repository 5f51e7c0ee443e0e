/// An IDX file of unsigned bytes (the MNIST format): a magic number 0x0000080D with D the
/// number of dimensions, D big-endian 32-bit sizes, then the bytes, first index slowest.
package struct IDXFile {
    package let dimensions: [Int]
    package let values: ArraySlice<UInt8>

    /// Parses and checks `bytes` read from `path`: the magic number for `rank` dimensions and
    /// a data size that matches the header exactly. `fix` ends every error message.
    package init(bytes: [UInt8], rank: Int, path: String, fix: String) throws(TrainingError) {
        func word(_ at: Int) -> Int {
            Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        let header = 4 + 4 * rank
        guard bytes.count >= 4 else {
            throw .malformedDataFile(path: path, reason: "\(bytes.count) bytes is too short for an IDX header", fix: fix)
        }
        let expected = 0x800 + rank
        guard word(0) == expected else {
            throw .malformedDataFile(
                path: path,
                reason:
                    "magic number \(Self.hex(word(0))), expected \(Self.hex(expected)) (IDX unsigned bytes, \(rank) dimension\(rank == 1 ? "" : "s"))",
                fix: fix)
        }
        guard bytes.count >= header else {
            throw .malformedDataFile(path: path, reason: "\(bytes.count) bytes is too short for an IDX header", fix: fix)
        }
        let dimensions = (0..<rank).map { word(4 + 4 * $0) }
        let size = dimensions.reduce(1, *)
        guard bytes.count - header == size else {
            throw .malformedDataFile(
                path: path,
                reason:
                    "the header declares \(dimensions.map(String.init).joined(separator: " x ")) = \(size) bytes of data, the file has \(bytes.count - header)",
                fix: fix)
        }
        self.dimensions = dimensions
        values = bytes[header...]
    }

    private static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
