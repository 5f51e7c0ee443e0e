import DesignSpace
import HardwareModules

/// The shape of the machine a program runs on: what the generated top builds for one
/// accelerator, derived once here so the generator, the reference executor and the program
/// checks agree on every width and depth.
package struct ProgramGeometry: Sendable, Equatable {
    /// Instructions the controller's instruction queue holds (the whole program is fetched first).
    package static let instructionQueueDepth = ModuleCatalog.instructionQueueDepth
    /// Bytes per instruction in main memory.
    package static let instructionBytes = 16

    package let batchTile: Int
    package let tile: Int
    package let format: FixedPointFormat
    package let lanes: Int
    package let processingElements: Int
    package let activation: Activation
    /// Depth in words of the activation, weight and mask buffers.
    package let activationWords: Int
    package let weightWords: Int
    package let maskWords: Int

    /// `processingElements` overrides the accelerator's count (small designs for simulation).
    package init(config c: AcceleratorConfig, format: FixedPointFormat, processingElements: Int? = nil) {
        batchTile = c.batchTile
        tile = c.spatialTile
        self.format = format
        lanes = c.macLanesPerPE
        self.processingElements = processingElements ?? c.processingElements
        activation = c.activation
        let tileBits = c.batchTile * c.spatialTile * c.spatialTile * format.bits
        func depth(_ megabytes: Int, _ bits: Int) -> Int { megabytes * 1_048_576 * 8 / bits }
        activationWords = depth(c.activationBufferMB, tileBits)
        weightWords = depth(c.weightBufferMB, c.spatialTile * format.bits)
        maskWords = depth(c.maskBufferMB, c.batchTile * c.spatialTile * c.spatialTile)
    }

    /// Rows of a tile (B x X) and values in it.
    package var rows: Int { batchTile * tile }
    package var tileValues: Int { rows * tile }
    /// Bits of an activation-buffer word (one tile), a weight word (one column) and a mask word.
    package var tileBits: Int { tileValues * format.bits }
    package var columnBits: Int { tile * format.bits }
    package var maskBits: Int { tileValues }
    /// The DMA's buffer word: the widest buffer word (a tile).
    package var dmaWordBits: Int { tileBits }
    /// Bits of a buffer address that covers the deepest buffer (the DMA's buffer port).
    package var bufferAddressBits: Int {
        max(Int.ceilLog2(activationWords), Int.ceilLog2(weightWords), Int.ceilLog2(maskWords))
    }
    /// Column groups of a matmul: the lanes cover `lanes` output columns per pass.
    package var columnGroups: Int { (tile + lanes - 1) / lanes }
    /// Bits of the full-precision partial sums (the MAC lane's accumulator).
    package var accumulatorBits: Int { ModuleVariant.accumulatorBits(format) }

    /// Activation words a program can use: zero-free storage keeps each tile's mask at its
    /// address, so a mask buffer shallower than the activation buffer limits it.
    package var usableActivationWords: Int { min(activationWords, maskWords) }

    /// Depth of the buffer a transfer names.
    package func words(_ buffer: BufferTarget) -> Int {
        switch buffer {
        case .activation: return activationWords
        case .weight: return weightWords
        case .mask: return maskWords
        }
    }
}
