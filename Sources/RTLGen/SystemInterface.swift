/// How a generated design talks to main memory: the DMA engine's AXI data width, the buffer
/// word it moves, the buffer address width and its longest burst. The controller's top
/// chooses them; `RTLGenerator.generate(_:command:system:)` renders the blocks for them.
package struct SystemInterface: Sendable, Equatable {
    package let axiDataBits: Int
    package let bufferWordBits: Int
    package let bufferAddressBits: Int
    package let maxBurst: Int

    package init(axiDataBits: Int, bufferWordBits: Int, bufferAddressBits: Int, maxBurst: Int = 16) {
        self.axiDataBits = axiDataBits
        self.bufferWordBits = bufferWordBits
        self.bufferAddressBits = bufferAddressBits
        self.maxBurst = maxBurst
    }
}
