/// Lays out main memory for a program: the program's words first, then matrices in X x X
/// blocks (`MatrixPlacement`): a weight block is X x X values (X weight words), an activation
/// block is the B blocks of a batch, the byte image of one activation-buffer word.
package struct MemoryImageBuilder: Sendable {
    package let geometry: ProgramGeometry
    package private(set) var bytes: [UInt8] = []

    package init(geometry: ProgramGeometry) { self.geometry = geometry }

    /// Bytes of one X x X block, and of one activation-buffer word (B blocks).
    package var blockBytes: Int { geometry.tile * geometry.tile * geometry.format.bits / 8 }
    package var wordBytes: Int { geometry.dmaWordBits / 8 }

    /// Reserves `count` zero bytes (16-byte aligned) and returns their address.
    package mutating func reserve(_ count: Int) -> Int {
        let at = bytes.count
        bytes += [UInt8](repeating: 0, count: (count + 15) / 16 * 16)
        return at
    }

    /// Writes `data` at `address` (inside a reserved range).
    package mutating func write(_ data: [UInt8], at address: Int) { bytes.replaceSubrange(address..<(address + data.count), with: data) }

    /// Places `m` (rows x columns, both multiples of X) in blocks: a weight, shared by the batch.
    package mutating func place(_ m: [[Int64]]) -> MatrixPlacement { place(batch: [m]) }

    /// Places a batch of equally shaped matrices (`batch[b]` is element b) as activation
    /// blocks; a batch of one is laid out as a weight.
    package mutating func place(batch: [[[Int64]]]) -> MatrixPlacement {
        let p = reserveMatrix(rows: batch[0].count, columns: batch[0][0].count, batch: batch.count)
        store(batch, at: p)
        return p
    }

    /// Reserves room for a batch of rows x columns matrices.
    package mutating func reserveMatrix(rows: Int, columns: Int, batch: Int = 1) -> MatrixPlacement {
        let x = geometry.tile
        let count = (rows / x) * (columns / x) * batch * blockBytes
        return MatrixPlacement(address: reserve(count), rows: rows, columns: columns, tile: x, blockBytes: batch * blockBytes, batch: batch)
    }

    mutating func store(_ batch: [[[Int64]]], at p: MatrixPlacement) {
        let x = geometry.tile
        for i in 0..<p.blockRows {
            for j in 0..<p.blockColumns {
                // Element b's row r is row b X + r of the block, as the PE numbers a tile's rows.
                let values = batch.flatMap { m in (0..<(x * x)).map { m[i * x + $0 / x][j * x + $0 % x] } }
                write(TileCodec.encode(values, bits: geometry.format.bits, bytes: p.blockBytes), at: p.block(i, j))
            }
        }
    }

    /// Pads the image so a DMA word read at any block (or instruction) stays inside it.
    package mutating func finish() -> [UInt8] {
        _ = reserve(geometry.dmaWordBits / 8)
        return bytes
    }

    /// Writes `m` (laid out as `read` returns it) over matrix `p` in a memory image.
    package static func write(_ m: [[Int64]], as p: MatrixPlacement, into memory: inout [UInt8], bits: Int) {
        let x = p.tile
        for i in 0..<p.blockRows {
            for j in 0..<p.blockColumns {
                let values = (0..<(p.batch * x * x)).map { k in
                    let (b, v) = (k / (x * x), k % (x * x))
                    return m[b * p.rows + i * x + v / x][j * x + v % x]
                }
                let at = p.block(i, j)
                memory.replaceSubrange(at..<(at + p.blockBytes), with: TileCodec.encode(values, bits: bits, bytes: p.blockBytes))
            }
        }
    }

    /// Reads matrix `p` back from a memory image: batch element b's rows are rows
    /// b rows ..< (b + 1) rows of the result.
    package static func read(_ p: MatrixPlacement, from memory: [UInt8], bits: Int) -> [[Int64]] {
        let x = p.tile
        var m = [[Int64]](repeating: [Int64](repeating: 0, count: p.columns), count: p.batch * p.rows)
        for i in 0..<p.blockRows {
            for j in 0..<p.blockColumns {
                let at = p.block(i, j)
                let values = TileCodec.decode(memory[at..<(at + p.blockBytes)], count: p.batch * x * x, bits: bits)
                for k in values.indices {
                    let (b, v) = (k / (x * x), k % (x * x))
                    m[b * p.rows + i * x + v / x][j * x + v % x] = values[k]
                }
            }
        }
        return m
    }
}
