/// Where a matrix sits in main memory: X x X blocks, row-major within a block, blocks in
/// row-major order, each block `blockBytes` contiguous bytes (one activation-buffer word
/// when the batch tile is 1).
package struct MatrixPlacement: Sendable, Equatable {
    package let address: Int
    package let rows: Int
    package let columns: Int
    package let tile: Int
    package let blockBytes: Int

    package var blockRows: Int { rows / tile }
    package var blockColumns: Int { columns / tile }
    package var bytes: Int { blockRows * blockColumns * blockBytes }

    /// Byte address of block (i, j).
    package func block(_ i: Int, _ j: Int) -> Int { address + (i * blockColumns + j) * blockBytes }
}
