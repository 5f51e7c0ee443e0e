/// A module kind whose calibrated cost follows a scaling model, so that variants too large
/// for the synthesis budget are predicted from smaller ones. The cost is affine in a natural
/// size (`size`), per row where rows are replicated (`replicatedOverBatch`), as the
/// synthesised points show: softmax and layer-norm repeat their whole datapath, divider and
/// square root included, for every row of the batch tile; DynaProp shares its threshold
/// table across the b x x x x tile; the sparsity modules' compaction networks grow with the
/// square of the width.
package enum ScalingFamily: String, CaseIterable, Codable, Sendable {
    case softmax
    case layerNorm = "layer_norm"
    case dynaProp = "dynaprop"
    case preSparsity = "pre_sparsity"
    case postSparsity = "post_sparsity"

    /// The variant of batch tile b and tile side or width s.
    package func variant(batchTile b: Int, size s: Int) -> ModuleVariant {
        switch self {
        case .softmax: .softmax(batchTile: b, tile: s)
        case .layerNorm: .layerNorm(batchTile: b, tile: s)
        case .dynaProp: .dynaProp(batchTile: b, tile: s)
        case .preSparsity: .preSparsity(width: s)
        case .postSparsity: .postSparsity(width: s)
        }
    }

    /// The batch tile and side of one of the family's variants; nil for another kind's.
    package func point(of v: ModuleVariant) -> (batchTile: Int, side: Int)? {
        switch (self, v) {
        case (.softmax, .softmax(let b, let x)), (.layerNorm, .layerNorm(let b, let x)), (.dynaProp, .dynaProp(let b, let x)): (b, x)
        case (.preSparsity, .preSparsity(let n)), (.postSparsity, .postSparsity(let n)): (1, n)
        default: nil
        }
    }

    /// Whether the family has a batch-tile parameter.
    package var isBatched: Bool { self == .softmax || self == .layerNorm || self == .dynaProp }

    /// Whether a batch tile of b costs b times one row.
    package var replicatedOverBatch: Bool { self == .softmax || self == .layerNorm }

    /// The size the cost is affine in, for batch tile b and tile side or width s.
    package func size(batchTile b: Int, side s: Int) -> Double {
        switch self {
        case .softmax, .layerNorm: Double(s)
        case .dynaProp: Double(b * s * s)
        case .preSparsity, .postSparsity: Double(s * s)
        }
    }
}
