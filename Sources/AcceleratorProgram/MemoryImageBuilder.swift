/// Lays out main memory for a program: the program's words first, then matrices in X x X
/// blocks (`MatrixPlacement`), each block the byte image of one activation-buffer word.
package struct MemoryImageBuilder: Sendable {
    package let geometry: ProgramGeometry
    package private(set) var bytes: [UInt8] = []

    package init(geometry: ProgramGeometry) { self.geometry = geometry }

    var blockBytes: Int { geometry.tile * geometry.tile * geometry.format.bits / 8 }

    /// Reserves `count` zero bytes (16-byte aligned) and returns their address.
    package mutating func reserve(_ count: Int) -> Int {
        let at = bytes.count
        bytes += [UInt8](repeating: 0, count: (count + 15) / 16 * 16)
        return at
    }

    /// Writes `data` at `address` (inside a reserved range).
    package mutating func write(_ data: [UInt8], at address: Int) { bytes.replaceSubrange(address..<(address + data.count), with: data) }

    /// Places `m` (rows x columns, both multiples of X) in blocks.
    package mutating func place(_ m: [[Int64]]) -> MatrixPlacement {
        let p = reserveMatrix(rows: m.count, columns: m[0].count)
        store(m, at: p)
        return p
    }

    /// Reserves room for a rows x columns matrix.
    package mutating func reserveMatrix(rows: Int, columns: Int) -> MatrixPlacement {
        let x = geometry.tile
        let count = (rows / x) * (columns / x) * blockBytes
        return MatrixPlacement(address: reserve(count), rows: rows, columns: columns, tile: x, blockBytes: blockBytes)
    }

    mutating func store(_ m: [[Int64]], at p: MatrixPlacement) {
        let x = geometry.tile
        for i in 0..<p.blockRows {
            for j in 0..<p.blockColumns {
                let values = (0..<(x * x)).map { m[i * x + $0 / x][j * x + $0 % x] }
                write(TileCodec.encode(values, bits: geometry.format.bits, bytes: blockBytes), at: p.block(i, j))
            }
        }
    }

    /// Pads the image so a DMA word read at any block (or instruction) stays inside it.
    package mutating func finish() -> [UInt8] {
        _ = reserve(geometry.dmaWordBits / 8)
        return bytes
    }

    /// Reads matrix `p` back from a memory image.
    package static func read(_ p: MatrixPlacement, from memory: [UInt8], bits: Int) -> [[Int64]] {
        let x = p.tile
        var m = [[Int64]](repeating: [Int64](repeating: 0, count: p.columns), count: p.rows)
        for i in 0..<p.blockRows {
            for j in 0..<p.blockColumns {
                let at = p.block(i, j)
                let values = TileCodec.decode(memory[at..<(at + p.blockBytes)], count: x * x, bits: bits)
                for k in 0..<(x * x) { m[i * x + k / x][j * x + k % x] = values[k] }
            }
        }
        return m
    }
}
