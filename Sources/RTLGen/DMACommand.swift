/// One command of the DMA engine (the dma contract's command port): move `rows` buffer words
/// between main memory and buffer `target`. Word i is the buffer word at
/// `bufferAddress + i` (modulo the buffer's depth) and `wordBytes` little-endian bytes at
/// `memoryAddress + i * stride` (modulo 2^32) in main memory.
package struct DMACommand: Sendable, Equatable {
    /// True: buffer to memory; false: memory to buffer.
    package let store: Bool
    /// 0 activation buffer, 1 weight buffer, 2 mask buffer, 3 instruction queue.
    package let target: Int
    package let memoryAddress: UInt32
    package let stride: UInt32
    package let bufferAddress: Int
    package let rows: Int

    package init(store: Bool, target: Int, memoryAddress: UInt32, stride: UInt32, bufferAddress: Int, rows: Int) {
        self.store = store
        self.target = target
        self.memoryAddress = memoryAddress
        self.stride = stride
        self.bufferAddress = bufferAddress
        self.rows = rows
    }

    /// Byte address of word `i`.
    package func address(ofWord i: Int) -> UInt32 { memoryAddress &+ UInt32(truncatingIfNeeded: i) &* stride }
}
