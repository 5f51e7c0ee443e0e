/// Lays out main memory for a program: the program's words first, then matrices in X x X
/// blocks (`MatrixPlacement`): a weight block is X x X values (X weight words), an activation
/// block is the B blocks of a batch, the byte image of one activation-buffer word, stored
/// zero-free with its masks after the data (docs/isa.md) unless placed dense.
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

    /// Places `m` (rows x columns, both multiples of X) in blocks, dense: a weight, shared by
    /// the batch.
    package mutating func place(_ m: [[Int64]]) -> MatrixPlacement { place(batch: [m], zeroFree: false) }

    /// Places a batch of equally shaped matrices (`batch[b]` is element b) as activation
    /// blocks, zero-free with their masks unless `zeroFree` is false (a batch of one placed
    /// dense is laid out as a weight).
    package mutating func place(batch: [[[Int64]]], zeroFree: Bool = true) -> MatrixPlacement {
        let p = reserveMatrix(rows: batch[0].count, columns: batch[0][0].count, batch: batch.count, zeroFree: zeroFree)
        store(batch, at: p)
        return p
    }

    /// Reserves room for a batch of rows x columns matrices (and their masks when `zeroFree`).
    package mutating func reserveMatrix(rows: Int, columns: Int, batch: Int = 1, zeroFree: Bool = false) -> MatrixPlacement {
        let x = geometry.tile
        let count = (rows / x) * (columns / x) * batch * blockBytes
        let address = reserve(count)
        return MatrixPlacement(
            address: address, rows: rows, columns: columns, tile: x, blockBytes: batch * blockBytes, batch: batch,
            maskAddress: zeroFree ? reserve(count) : nil)
    }

    mutating func store(_ batch: [[[Int64]]], at p: MatrixPlacement) {
        let x = geometry.tile
        for i in 0..<p.blockRows {
            for j in 0..<p.blockColumns {
                // Element b's row r is row b X + r of the block, as the PE numbers a tile's rows.
                let values = batch.flatMap { m in (0..<(x * x)).map { m[i * x + $0 / x][j * x + $0 % x] } }
                for (at, bytes) in Self.stored(values, as: p, i, j, bits: geometry.format.bits) { write(bytes, at: at) }
            }
        }
    }

    /// The bytes block (i, j) of `p` holds for word `values`, by address: the values, or the
    /// packed values and the mask (zero-padded to its slot) for a zero-free matrix.
    static func stored(_ values: [Int64], as p: MatrixPlacement, _ i: Int, _ j: Int, bits: Int) -> [(Int, [UInt8])] {
        guard let maskAt = p.maskBlock(i, j) else { return [(p.block(i, j), TileCodec.encode(values, bits: bits, bytes: p.blockBytes))] }
        let z = TileCodec.zeroFree(values, maskBytes: (values.count + 7) / 8)
        return [
            (p.block(i, j), TileCodec.encode(z.packed, bits: bits, bytes: p.blockBytes)),
            (maskAt, z.mask + [UInt8](repeating: 0, count: p.blockBytes - z.mask.count)),
        ]
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
                for (at, bytes) in stored(values, as: p, i, j, bits: bits) { memory.replaceSubrange(at..<(at + bytes.count), with: bytes) }
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
                var values = TileCodec.decode(memory[at..<(at + p.blockBytes)], count: p.batch * x * x, bits: bits)
                if let maskAt = p.maskBlock(i, j) {
                    values = TileCodec.dense(values, mask: memory[maskAt..<(maskAt + (values.count + 7) / 8)])
                }
                for k in values.indices {
                    let (b, v) = (k / (x * x), k % (x * x))
                    m[b * p.rows + i * x + v / x][j * x + v % x] = values[k]
                }
            }
        }
        return m
    }
}
