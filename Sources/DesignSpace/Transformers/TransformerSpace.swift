import BigInt

/// The FlexiBERT 2.0 design space (paper Table III, with the hidden sizes and DSC-13
/// that the published FlexiBERT 2.0 models use) and its 37-number embedding.
///
/// The embedding follows the published tools: e[0] is the index of the layer count;
/// for layer j (0-based), e[3j+1] is the hidden-size index, e[3j+2] the index of the
/// feed-forward stack and e[3j+3] the index of the head multiset; unused layers are 0.
/// Feed-forward stacks are enumerated by stack depth, then in product order; head
/// multisets by head count, then as combinations with replacement of the operations in
/// `headOperationOrder`.
///
/// The value lists and `headOperationOrder` are frozen at `SpaceVersion.current`: they are the
/// order of the published FlexiBERT 2.0 models (reference/flexibert2-glue.json, whose 16
/// embeddings the tests pin) over the choices of paper Table III. Changing any of them needs a
/// new `SpaceVersion`.
public enum TransformerSpace {
    public static let layerCounts = [2, 4, 6, 8, 10, 12]
    public static let hiddenSizes = [128, 256, 512, 768]
    public static let headCounts = [2, 4, 8, 12]
    public static let feedForwardSizes = [256, 512, 1024, 2048, 3072, 4096]
    public static let feedForwardStacks = [1, 2, 3]

    /// Head operations in the order the published embedding enumerates head multisets in.
    ///
    /// Frozen from the published FlexiBERT 2.0 models (reference/flexibert2-glue.json) and
    /// independent of `HeadOperation.allCases`: a new operation is appended here together with
    /// a new `SpaceVersion`, because it renumbers every multiset of four or more heads.
    public static let headOperationOrder: [HeadOperation] = [.saSDP, .saWMA, .ltDFT, .ltDCT, .dsc5, .dsc9, .dsc13]

    /// Length of the embedding: 1 + 3 x 12.
    public static let embeddingLength = 1 + 3 * layerCounts.max()!

    /// All feed-forward stacks in embedding order (258 of them).
    public static let feedForwardOptions: [[Int]] = feedForwardStacks.flatMap { depth in
        product(feedForwardSizes, repeat: depth)
    }

    /// All head multisets in embedding order (21,805 of them).
    public static let headOptions: [[HeadOperation]] = headCounts.flatMap { n in
        combinationsWithReplacement(headOperationOrder, n)
    }

    private static let feedForwardIndex: [[Int]: Int] = Dictionary(
        uniqueKeysWithValues: feedForwardOptions.enumerated().map { ($1, $0) })
    private static let headIndex: [[HeadOperation]: Int] = Dictionary(
        uniqueKeysWithValues: headOptions.enumerated().map { ($1, $0) })

    /// Distinct encoder layers: hidden sizes x feed-forward stacks x head multisets.
    public static var layerChoices: Int {
        hiddenSizes.count * feedForwardOptions.count * headOptions.count
    }

    /// The exact number of models: the sum over l of (layer choices)^l, about 1.7e88.
    public static var count: BigUInt {
        layerCounts.reduce(BigUInt(0)) { $0 + BigUInt(layerChoices).power($1) }
    }

    // MARK: Embedding

    /// The 37-number embedding of `model`.
    public static func embedding(of model: TransformerModel) -> [Int] {
        var e = [Int](repeating: 0, count: embeddingLength)
        e[0] = layerCounts.firstIndex(of: model.layers.count)!
        for (j, layer) in model.layers.enumerated() {
            e[3 * j + 1] = hiddenSizes.firstIndex(of: layer.hiddenSize)!
            e[3 * j + 2] = feedForwardIndex[layer.feedForward]!
            e[3 * j + 3] = headIndex[layer.heads]!
        }
        return e
    }

    /// Decodes an exact embedding; the error names the first entry out of its range.
    public static func model(embedding e: [Int]) throws -> TransformerModel {
        guard e.count == embeddingLength else {
            throw DesignSpaceError.wrongLength(
                what: "transformer embedding", got: e.count, expected: String(embeddingLength))
        }
        guard layerCounts.indices.contains(e[0]) else {
            throw DesignSpaceError.invalidValue(
                field: "e[0] (layer-count index)", value: String(e[0]),
                allowed: "0 to \(layerCounts.count - 1)")
        }
        let l = layerCounts[e[0]]
        var layers: [TransformerLayer] = []
        for j in 0..<l {
            let (h, f, o) = (e[3 * j + 1], e[3 * j + 2], e[3 * j + 3])
            guard hiddenSizes.indices.contains(h) else {
                throw DesignSpaceError.invalidValue(
                    field: "e[\(3 * j + 1)] (layer \(j + 1) hidden-size index)", value: String(h),
                    allowed: "0 to \(hiddenSizes.count - 1)")
            }
            guard feedForwardOptions.indices.contains(f) else {
                throw DesignSpaceError.invalidValue(
                    field: "e[\(3 * j + 2)] (layer \(j + 1) feed-forward index)", value: String(f),
                    allowed: "0 to \(feedForwardOptions.count - 1)")
            }
            guard headOptions.indices.contains(o) else {
                throw DesignSpaceError.invalidValue(
                    field: "e[\(3 * j + 3)] (layer \(j + 1) head-multiset index)", value: String(o),
                    allowed: "0 to \(headOptions.count - 1)")
            }
            layers.append(
                try TransformerLayer(
                    hiddenSize: hiddenSizes[h], heads: headOptions[o],
                    feedForward: feedForwardOptions[f], layer: j + 1))
        }
        for position in (1 + 3 * l)..<embeddingLength where e[position] != 0 {
            throw DesignSpaceError.invalidValue(
                field: "e[\(position)]", value: String(e[position]),
                allowed: "0 (the model has only \(l) layers)")
        }
        return try TransformerModel(layers: layers)
    }

    /// Per-entry upper bounds of the embedding (lower bounds are all 0).
    public static var embeddingUpperBounds: [Int] {
        [layerCounts.count - 1]
            + Array(
                repeating: [hiddenSizes.count - 1, feedForwardOptions.count - 1, headOptions.count - 1],
                count: layerCounts.max()!
            ).flatMap { $0 }
    }

    /// The valid model nearest to a continuous 37-number vector: every entry is rounded
    /// and clamped to its range, and the entries past the layer count are zeroed.
    public static func nearest(to vector: [Double]) throws -> TransformerModel {
        guard vector.count == embeddingLength else {
            throw DesignSpaceError.wrongLength(
                what: "transformer embedding", got: vector.count, expected: String(embeddingLength))
        }
        let bounds = embeddingUpperBounds
        var e = zip(vector, bounds).map { value, upper in
            // Clamped as a double first: Int(_:) traps beyond Int's range.
            value.isFinite ? Int(min(max(value.rounded(), 0), Double(upper))) : 0
        }
        let l = layerCounts[e[0]]
        for position in (1 + 3 * l)..<embeddingLength { e[position] = 0 }
        return try model(embedding: e)
    }

    /// `n` models drawn uniformly: layer count uniform, then every layer uniform.
    public static func sample(_ n: Int, seed: UInt64) -> [TransformerModel] {
        var rng = SeededGenerator(seed: seed)
        return (0..<n).map { _ in randomModel(using: &rng) }
    }

    /// One uniformly drawn model.
    public static func randomModel(using rng: inout SeededGenerator) -> TransformerModel {
        let l = layerCounts.randomElement(using: &rng)!
        let layers = (0..<l).map { j in
            try! TransformerLayer(
                hiddenSize: hiddenSizes.randomElement(using: &rng)!,
                heads: headOptions.randomElement(using: &rng)!,
                feedForward: feedForwardOptions.randomElement(using: &rng)!, layer: j + 1)
        }
        return try! TransformerModel(layers: layers)
    }

    // MARK: Enumeration helpers (itertools order)

    static func product<T>(_ values: [T], repeat n: Int) -> [[T]] {
        (0..<n).reduce([[]]) { partial, _ in partial.flatMap { prefix in values.map { prefix + [$0] } } }
    }

    static func combinationsWithReplacement<T>(_ values: [T], _ n: Int) -> [[T]] {
        func build(from start: Int, remaining: Int) -> [[T]] {
            if remaining == 0 { return [[]] }
            return (start..<values.count).flatMap { i in
                build(from: i, remaining: remaining - 1).map { [values[i]] + $0 }
            }
        }
        return build(from: 0, remaining: n)
    }
}
