import DesignSpace

/// One synthesised hardware module at one parameter point: what a template is rendered
/// with, what the testbenches drive, what the calibration synthesises and what a hardware
/// table holds a cost for. Its `moduleName` is the one canonical name of the point, used both
/// as the SystemVerilog module name and as the hardware-table key.
package enum ModuleVariant: Hashable, Sendable {
    case macLane(macs: Int, activation: Activation)
    case dynaProp(batchTile: Int, tile: Int)
    case preSparsity(width: Int)
    case postSparsity(width: Int)
    case softmax(batchTile: Int, tile: Int)
    case layerNorm(batchTile: Int, tile: Int)
    case fifo(width: Int, depth: Int)
    /// The AXI4 master DMA engine (docs/dma.md): AXI data width, buffer word width, buffer
    /// address width and the longest burst, in beats.
    case dmaEngine(dataBits: Int, bufferBits: Int, bufferAddressBits: Int, maxBurst: Int)
    /// The control and status registers behind AXI4-Lite (docs/csr.md), for datapath words of
    /// `wordBits` (the DynaProp thresholds).
    case csr(wordBits: Int)
    /// The activation buffer's write-side packer (docs/isa.md, zero-free storage): a dense
    /// tile of `values` words becomes its non-zero values packed to the front and its zero mask.
    case zeroFreePacker(values: Int)
    /// The activation buffer's read-side unpacker: a packed tile of `values` words and its zero
    /// mask become the dense tile.
    case zeroFreeUnpacker(values: Int)

    /// The catalogue entry the variant belongs to.
    package var kind: ModuleKind {
        switch self {
        case .macLane: .macLane
        case .dynaProp: .dynaProp
        case .preSparsity: .preSparsity
        case .postSparsity: .postSparsity
        case .softmax: .softmax
        case .layerNorm: .layerNorm
        case .fifo: .fifo
        case .dmaEngine: .dmaEngine
        case .csr: .csr
        case .zeroFreePacker: .zeroFreePacker
        case .zeroFreeUnpacker: .zeroFreeUnpacker
        }
    }

    /// Template file (without `.sv.mustache`).
    package var template: String { kind.rawValue }

    /// The canonical name, unique to the variant, e.g. `mac_lane_m16_gelu`: the RTL module
    /// name and the hardware-table key.
    package var moduleName: String {
        switch self {
        case .macLane(let m, let a): "mac_lane_m\(m)_\(a.rawValue)"
        case .dynaProp(let b, let x): "dynaprop_b\(b)_x\(x)"
        case .preSparsity(let n): "pre_sparsity_n\(n)"
        case .postSparsity(let n): "post_sparsity_n\(n)"
        case .softmax(let b, let x): "softmax_b\(b)_x\(x)"
        case .layerNorm(let b, let x): "layer_norm_b\(b)_x\(x)"
        case .fifo(let w, let d): "fifo_w\(w)_d\(d)"
        case .dmaEngine(let d, let w, let a, let l): "dma_engine_d\(d)_w\(w)_a\(a)_l\(l)"
        case .csr(let w): "csr_w\(w)"
        case .zeroFreePacker(let n): "zero_free_packer_n\(n)"
        case .zeroFreeUnpacker(let n): "zero_free_unpacker_n\(n)"
        }
    }
}
