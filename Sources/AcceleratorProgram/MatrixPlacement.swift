/// Where a matrix sits in main memory: X x X blocks, row-major within a block, blocks in
/// row-major order, each block `blockBytes` contiguous bytes. An activation matrix holds a
/// batch: block (i, j) of every batch element, one after the other, is one activation-buffer
/// word (B x X rows, the PE's tile), so `blockBytes` covers `batch` X x X blocks. Weights are
/// shared by the batch and have `batch` 1. A zero-free matrix (`maskAddress` set) holds each
/// word in the activation buffer's stored form (its non-zero values packed to the front) and
/// the word's mask in a `blockBytes` slot of its own at `maskBlock(i, j)` (docs/isa.md); a dense
/// one (nil) holds the values themselves, which the buffer reads back under an all-zero mask.
package struct MatrixPlacement: Sendable, Equatable {
    package let address: Int
    /// Rows and columns of one batch element's matrix.
    package let rows: Int
    package let columns: Int
    package let tile: Int
    package let blockBytes: Int
    /// Batch elements (1 for weights; the batch tile B for activations).
    package let batch: Int
    /// Where the masks of a zero-free matrix start (nil: stored dense).
    package let maskAddress: Int?

    package init(address: Int, rows: Int, columns: Int, tile: Int, blockBytes: Int, batch: Int = 1, maskAddress: Int? = nil) {
        (self.address, self.rows, self.columns, self.tile, self.blockBytes, self.batch) = (address, rows, columns, tile, blockBytes, batch)
        self.maskAddress = maskAddress
    }

    package var blockRows: Int { rows / tile }
    package var blockColumns: Int { columns / tile }
    package var bytes: Int { blockRows * blockColumns * blockBytes }

    /// Byte address of block (i, j) (of batch element 0; element b follows at b X x X blocks).
    package func block(_ i: Int, _ j: Int) -> Int { address + (i * blockColumns + j) * blockBytes }

    /// Byte address of the mask of block (i, j) of a zero-free matrix.
    package func maskBlock(_ i: Int, _ j: Int) -> Int? { maskAddress.map { $0 + (i * blockColumns + j) * blockBytes } }
}
