/// The operation of one attention head in FlexiBERT 2.0 (paper Section III-B2).
///
/// Case order means nothing to the encodings: heads sort, and the published embedding
/// enumerates head multisets, in the frozen `TransformerSpace.headOperationOrder`.
public enum HeadOperation: String, CaseIterable, Codable, Comparable, Sendable {
    case saSDP = "sa_sdp"
    case saWMA = "sa_wma"
    case ltDFT = "l_dft"
    case ltDCT = "l_dct"
    case dsc5 = "c_5"
    case dsc9 = "c_9"
    case dsc13 = "c_13"

    /// The paper's name, e.g. `SA-SDP` or `DSC-13`.
    public var displayName: String {
        switch self {
        case .saSDP: "SA-SDP"
        case .saWMA: "SA-WMA"
        case .ltDFT: "LT-DFT"
        case .ltDCT: "LT-DCT"
        case .dsc5: "DSC-5"
        case .dsc9: "DSC-9"
        case .dsc13: "DSC-13"
        }
    }

    /// Self-attention heads compute Q, K, V projections and a softmax.
    public var isSelfAttention: Bool { self == .saSDP || self == .saWMA }

    /// Linear-transform heads multiply by a stored N_T x N_T matrix.
    public var isLinearTransform: Bool { self == .ltDFT || self == .ltDCT }

    /// Convolution kernel size for DSC heads, nil otherwise.
    public var kernelSize: Int? {
        switch self {
        case .dsc5: 5
        case .dsc9: 9
        case .dsc13: 13
        default: nil
        }
    }

    // Position in the frozen embedding order; a case not yet given one sorts after all that
    // have, so sorting never depends on declaration order.
    private var order: Int {
        TransformerSpace.headOperationOrder.firstIndex(of: self)
            ?? TransformerSpace.headOperationOrder.count + Self.allCases.firstIndex(of: self)!
    }

    public static func < (lhs: HeadOperation, rhs: HeadOperation) -> Bool {
        lhs.order < rhs.order
    }

    /// The model-dict prefixes, for messages.
    public static var allowedDescription: String {
        "{" + allCases.map(\.rawValue).joined(separator: ", ") + "}"
    }
}
