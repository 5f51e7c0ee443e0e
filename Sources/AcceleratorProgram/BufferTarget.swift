/// The on-chip buffers a DMA transfer reaches (the DMA contract's cmd_target 0 to 2; target 3,
/// the instruction queue, is filled by the controller itself and is not addressable).
package enum BufferTarget: Int, Sendable, Equatable, CaseIterable {
    case activation = 0
    case weight = 1
    case mask = 2

    package var name: String {
        switch self {
        case .activation: return "activation"
        case .weight: return "weight"
        case .mask: return "mask"
        }
    }
}
