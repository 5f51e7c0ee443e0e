/// A module kind whose calibrated cost follows a scaling model, so that variants too large
/// for the synthesis budget are predicted from smaller ones. The cost is linear in two
/// regressors the structure of the RTL gives (`regressors`), per row where rows are
/// replicated (`replicatedOverBatch`): softmax and layer-norm repeat their whole datapath,
/// divider and square root included, for every row of the batch tile, and are affine in the
/// row length; DynaProp shares its threshold table across the b x x x x tile and is affine in
/// the tile's element count; the sparsity modules have no fixed part, registers and prefix
/// counters per element, and a compaction network with a comparator and a multiplexer leg for
/// every (slot, source) pair, so they are a * n + c * n^2; a two-deep FIFO is its pointers and
/// two registers and a multiplexer per bit of its width, a + c w.
package enum ScalingFamily: String, CaseIterable, Codable, Sendable {
    case softmax
    case layerNorm = "layer_norm"
    case dynaProp = "dynaprop"
    case preSparsity = "pre_sparsity"
    case postSparsity = "post_sparsity"
    case fifo

    /// The variant of batch tile b and tile side or width s.
    package func variant(batchTile b: Int, size s: Int) -> ModuleVariant {
        switch self {
        case .softmax: .softmax(batchTile: b, tile: s)
        case .layerNorm: .layerNorm(batchTile: b, tile: s)
        case .dynaProp: .dynaProp(batchTile: b, tile: s)
        case .preSparsity: .preSparsity(width: s)
        case .postSparsity: .postSparsity(width: s)
        case .fifo: .fifo(width: s, depth: 2)
        }
    }

    /// The batch tile and side of one of the family's variants; nil for another kind's.
    package func point(of v: ModuleVariant) -> (batchTile: Int, side: Int)? {
        switch (self, v) {
        case (.softmax, .softmax(let b, let x)), (.layerNorm, .layerNorm(let b, let x)), (.dynaProp, .dynaProp(let b, let x)): (b, x)
        case (.preSparsity, .preSparsity(let n)), (.postSparsity, .postSparsity(let n)): (1, n)
        case (.fifo, .fifo(let w, 2)): (1, w)
        default: nil
        }
    }

    /// Whether the family has a batch-tile parameter.
    package var isBatched: Bool { self == .softmax || self == .layerNorm || self == .dynaProp }

    /// Whether a batch tile of b costs b times one row.
    package var replicatedOverBatch: Bool { self == .softmax || self == .layerNorm }

    /// The two quantities the cost is linear in.
    package struct Regressors: Sendable, Equatable {
        package let first: Double
        package let second: Double

        package init(first: Double, second: Double) {
            self.first = first
            self.second = second
        }
    }

    /// The regressors of batch tile b and tile side or width s.
    package func regressors(batchTile b: Int, side s: Int) -> Regressors {
        switch self {
        // b rows cost b times one row: b (a + c x), so that a fit can take b > 1 points.
        case .softmax, .layerNorm: Regressors(first: Double(b), second: Double(b * s))
        case .fifo: Regressors(first: 1, second: Double(s))
        case .dynaProp: Regressors(first: 1, second: Double(b * s * s))
        case .preSparsity, .postSparsity: Regressors(first: Double(s), second: Double(s * s))
        }
    }

    /// The model's form in words, for the table's provenance.
    package var modelForm: String {
        switch self {
        case .softmax, .layerNorm: "b (a + c x)"
        case .dynaProp: "a + c b x^2"
        case .preSparsity, .postSparsity: "a n + c n^2"
        case .fifo: "a + c w"
        }
    }
}
