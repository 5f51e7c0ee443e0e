/// Every kind of block an ELECTOR accelerator is built from, synthesised or not. The raw
/// value is the kind's canonical name: the template file of a synthesised kind, the prefix
/// of its variants' names, and the hardware-table key of a kind without parameters.
package enum ModuleKind: String, CaseIterable, Sendable, Codable {
    case macLane = "mac_lane"
    case preSparsity = "pre_sparsity"
    case postSparsity = "post_sparsity"
    case fifo
    case softmax
    case layerNorm = "layer_norm"
    case dataflow
    case dma
    case dynaProp = "dynaprop"
    case activationBuffer = "activation"
    case weightBuffer = "weight"
    case maskBuffer = "mask"
    case dmaEngine = "dma_engine"
    case csr
    case peGlue = "pe_glue"
    case controller
    case arbiter
    case zeroFreePacker = "zero_free_packer"
    case zeroFreeUnpacker = "zero_free_unpacker"
}
