import CostModel
import DesignSpace
import RTLGen

/// What a full calibration synthesises, and how each hardware-table entry is obtained from
/// the results: synthesised directly where the variant is, from a scaling model where it is
/// too large for the time budget (b = 4 and the widest tiles of softmax, layer-norm and
/// DynaProp).
public struct CalibrationPlan: Sendable {
    /// A module family whose variants differ by a tile side or row width and, for some, a
    /// batch tile. Its cost is affine in a natural size (`size`), per row where rows are
    /// replicated (`replicatedOverBatch`), as the synthesised points show: softmax and
    /// layer-norm repeat their whole datapath, divider and square root included, for every
    /// row of the batch tile; DynaProp shares its threshold table across the b x x x x tile;
    /// the sparsity modules' compaction networks grow with the square of the width.
    public enum Family: String, CaseIterable, Codable, Sendable {
        case softmax, layerNorm = "layer_norm", dynaProp = "dynaprop", preSparsity = "pre_sparsity", postSparsity = "post_sparsity"

        public func variant(batchTile b: Int, size s: Int) -> ModuleVariant {
            switch self {
            case .softmax: .softmax(batchTile: b, tile: s)
            case .layerNorm: .layerNorm(batchTile: b, tile: s)
            case .dynaProp: .dynaProp(batchTile: b, tile: s)
            case .preSparsity: .preSparsity(width: s)
            case .postSparsity: .postSparsity(width: s)
            }
        }

        /// Whether the family has a batch-tile parameter.
        public var isBatched: Bool { self == .softmax || self == .layerNorm || self == .dynaProp }

        /// Whether a batch tile of b costs b times one row.
        public var replicatedOverBatch: Bool { self == .softmax || self == .layerNorm }

        /// The size the cost is affine in, for batch tile b and tile side or width s.
        public func size(batchTile b: Int, side s: Int) -> Double {
            switch self {
            case .softmax, .layerNorm: Double(s)
            case .dynaProp: Double(b * s * s)
            case .preSparsity, .postSparsity: Double(s * s)
            }
        }
    }

    /// Sizes synthesised at b = 1 per family, ascending. The largest is held out of the
    /// scaling fit to measure its error; the final model is fitted on all of them.
    public let sizes: [Family: [Int]]
    /// Points synthesised at b > 1 to check the batch rule of `Family`: (family, b, size).
    public let batchChecks: [(family: Family, batchTile: Int, size: Int)]
    public let macLanes: [ModuleVariant]
    public let fifo: ModuleVariant

    /// The default plan: 22 synthesis runs that fit the 20-minute budget on 2 cores. The
    /// 32-wide sparsity modules are left to the scaling model: their compaction networks grow
    /// with the square of the width, and Yosys needs over 6 GB and many minutes for them.
    public static let standard = CalibrationPlan(
        sizes: [.softmax: [4, 8, 16], .layerNorm: [2, 4, 8], .dynaProp: [4, 8, 16], .preSparsity: [4, 8, 16], .postSparsity: [4, 8, 16]],
        batchChecks: [(.softmax, 2, 4), (.dynaProp, 2, 4)],
        macLanes: AcceleratorSpace.macsPerLane.flatMap { m in Activation.allCases.map { ModuleVariant.macLane(macs: m, activation: $0) } },
        fifo: .fifo(width: 320, depth: 2))

    public init(sizes: [Family: [Int]], batchChecks: [(family: Family, batchTile: Int, size: Int)], macLanes: [ModuleVariant], fifo: ModuleVariant) {
        self.sizes = sizes
        self.batchChecks = batchChecks
        self.macLanes = macLanes
        self.fifo = fifo
    }

    /// Every variant to synthesise, small ones first.
    public var variants: [ModuleVariant] {
        var list = macLanes + [fifo]
        for family in Family.allCases {
            list += (sizes[family] ?? []).map { family.variant(batchTile: 1, size: $0) }
        }
        list += batchChecks.map { $0.family.variant(batchTile: $0.batchTile, size: $0.size) }
        return list
    }

    /// The hardware-table key a variant fills, if it is one the design space uses.
    public static func tableKey(_ v: ModuleVariant) -> String? {
        let tiles = AcceleratorSpace.spatialTiles
        let batches = AcceleratorSpace.batchTiles
        switch v {
        case .macLane(let m, let a): return AcceleratorSpace.macsPerLane.contains(m) ? ModuleKey.macLane(macs: m, activation: a) : nil
        case .softmax(let b, let x): return tiles.contains(x) && batches.contains(b) ? ModuleKey.softmax(tile: x, batchTile: b) : nil
        case .layerNorm(let b, let x): return tiles.contains(x) && batches.contains(b) ? ModuleKey.layerNorm(tile: x, batchTile: b) : nil
        case .dynaProp(let b, let x): return tiles.contains(x) && batches.contains(b) ? ModuleKey.dynaProp(tile: x, batchTile: b) : nil
        case .preSparsity(let n): return tiles.contains(n) ? ModuleKey.preSparsity(tile: n) : nil
        case .postSparsity(let n): return tiles.contains(n) ? ModuleKey.postSparsity(tile: n) : nil
        case .fifo: return ModuleKey.fifo
        }
    }
}
