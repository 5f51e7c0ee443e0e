import Synchronization

/// The tensor-train extension of the FlexiBERT 2.0 space (HEAT) and its frozen encoding.
///
/// Per layer there are six slots, one per decomposable matrix (`slots`); each takes three
/// numbers: the core count (0 for dense, else 1 + its index in `coreCounts`), the index of
/// the tensorisation in `shapes(rows:columns:cores:)`, and the index of the rank in
/// `ranks`. The rank is uniform over the bonds and each bond is clamped to what it can carry
/// (`TensorTrainShape.maximumRank`). A model's extended embedding is its 37-number
/// FlexiBERT 2.0 embedding followed by these 12 x 6 x 3 = 216 numbers.
///
/// The lists, the slot order and the enumeration rule of the shapes are frozen at `version`;
/// records carry it as `decomposition_version`, apart from `SpaceVersion`, so the published
/// embedding's version does not move when this extension does.
public enum DecompositionSpace {
    /// The version of this encoding.
    public static let version = 1
    /// The field name records store the version under.
    public static let fieldName = "decomposition_version"

    /// Core counts the encoding offers (HEAT explores two and three cores per matrix).
    public static let coreCounts = [2, 3]
    /// Uniform ranks the encoding offers.
    public static let ranks = [2, 4, 8, 16, 32, 64]
    /// The matrices of a layer in slot order.
    public static let slots: [DecomposedMatrix] = [
        .attentionOutput, .feedForward(0), .feedForward(1), .feedForward(2), .feedForward(3), .projection,
    ]
    /// Numbers per slot.
    public static let slotLength = 3
    /// Length of the decomposition part of an embedding.
    public static let embeddingLength = TransformerSpace.layerCounts.max()! * slots.count * slotLength

    /// Every ordered factorisation of `n` into `count` factors of at least 2, in
    /// lexicographic order.
    public static func factorizations(of n: Int, into count: Int) -> [[Int]] {
        guard count > 1 else { return n >= 2 ? [[n]] : [] }
        var result: [[Int]] = []
        var f = 2
        while f * 2 <= n {
            if n % f == 0 { result += factorizations(of: n / f, into: count - 1).map { [f] + $0 } }
            f += 1
        }
        return result
    }

    /// The tensorisations of a rows x columns matrix into `cores` cores: input factorisations
    /// outer, output factorisations inner, each in lexicographic order.
    public static func shapes(rows: Int, columns: Int, cores: Int) -> [(input: [Int], output: [Int])] {
        let outputs = factorizations(of: columns, into: cores)
        return factorizations(of: rows, into: cores).flatMap { input in outputs.map { (input, $0) } }
    }

    /// The tensorisations of `shapes(rows:columns:cores:)` from the most even to the most
    /// skewed (largest over smallest factor), ties in encoding order: the axis along which
    /// the search moves a matrix group's shape, from the hand-tuned heuristic's even shape
    /// (the first) to the lopsided ones that can suit a narrow tile better.
    ///
    /// A search asks for the same few matrix sizes for every point it draws, so the orders are
    /// kept once computed.
    public static func shapesByBalance(rows: Int, columns: Int, cores: Int) -> [(input: [Int], output: [Int])] {
        let key = [rows, columns, cores]
        if let known = balanceOrders.withLock({ $0[key] }) { return known }
        let options = shapes(rows: rows, columns: columns, cores: cores)
        let spreads = options.map { option in
            let all = option.input + option.output
            return Double(all.max()!) / Double(all.min()!)
        }
        let ordered = options.indices.sorted { (spreads[$0], $0) < (spreads[$1], $1) }.map { options[$0] }
        balanceOrders.withLock { $0[key] = ordered }
        return ordered
    }

    /// `shapesByBalance`'s results by [rows, columns, cores].
    private static let balanceOrders = Mutex<[[Int]: [(input: [Int], output: [Int])]]>([:])

    /// The shape with uniform `rank`, each bond clamped to what it can carry.
    public static func shape(input: [Int], output: [Int], rank: Int, rows: Int, columns: Int, field: String) throws
        -> TensorTrainShape
    {
        let ranks = (1..<input.count).map {
            min(rank, TensorTrainShape.maximumRank(inputFactors: input, outputFactors: output, bond: $0))
        }
        return try TensorTrainShape(inputFactors: input, outputFactors: output, ranks: ranks, rows: rows, columns: columns, field: field)
    }

    /// The 216 numbers of `model`'s decomposition; throws for a decomposition the encoding
    /// cannot express (another core count or rank, or ranks that are not uniform).
    public static func embedding(of model: TransformerModel) throws -> [Int] {
        var e = [Int](repeating: 0, count: embeddingLength)
        for (j, available) in DecomposedMatrix.sized(in: model.layers).enumerated() {
            for (s, matrix) in slots.enumerated() {
                guard let shape = model.decomposition.shape(layer: j, matrix), let size = available.first(where: { $0.matrix == matrix })
                else { continue }
                let field = "tt[\(j)].\(matrix.key)"
                guard let c = coreCounts.firstIndex(of: shape.coreCount),
                    let i = self.shapes(rows: size.rows, columns: size.columns, cores: shape.coreCount).firstIndex(where: {
                        $0.input == shape.inputFactors && $0.output == shape.outputFactors
                    }),
                    let r = ranks.firstIndex(where: {
                        (try? self.shape(
                            input: shape.inputFactors, output: shape.outputFactors, rank: $0, rows: size.rows,
                            columns: size.columns, field: field)) == shape
                    })
                else {
                    throw DesignSpaceError.invalidValue(
                        field: field, value: "ranks \(TensorTrainShape.render(shape.ranks)) with \(shape.coreCount) cores",
                        allowed:
                            "a uniform rank in \(AcceleratorSpace.describe(ranks)) with \(AcceleratorSpace.describe(coreCounts)) cores for the decomposition embedding"
                    )
                }
                let base = (j * slots.count + s) * slotLength
                e[base] = c + 1
                e[base + 1] = i
                e[base + 2] = r
            }
        }
        return e
    }

    /// The decomposition of `layers` that `embedding` (216 numbers) encodes.
    public static func decomposition(_ embedding: [Int], layers: [TransformerLayer]) throws -> [[DecomposedMatrix: TensorTrainShape]] {
        guard embedding.count == embeddingLength else {
            throw DesignSpaceError.wrongLength(what: "decomposition embedding", got: embedding.count, expected: String(embeddingLength))
        }
        var result: [[DecomposedMatrix: TensorTrainShape]] = []
        for (j, available) in DecomposedMatrix.sized(in: layers).enumerated() {
            var shapes: [DecomposedMatrix: TensorTrainShape] = [:]
            for (s, matrix) in slots.enumerated() {
                let base = (j * slots.count + s) * slotLength
                let (c, i, r) = (embedding[base], embedding[base + 1], embedding[base + 2])
                let field = "decomposition embedding tt[\(j)].\(matrix.key)"
                if c == 0 { continue }
                guard let size = available.first(where: { $0.matrix == matrix }) else {
                    throw DesignSpaceError.invalidValue(field: field, value: String(c), allowed: "0: layer \(j + 1) has no such matrix")
                }
                guard (1...coreCounts.count).contains(c) else {
                    throw DesignSpaceError.indexOutOfRange(what: "\(field) cores", index: String(c), count: String(coreCounts.count))
                }
                let options = self.shapes(rows: size.rows, columns: size.columns, cores: coreCounts[c - 1])
                guard options.indices.contains(i) else {
                    throw DesignSpaceError.indexOutOfRange(what: "\(field) shape", index: String(i), count: String(options.count - 1))
                }
                guard ranks.indices.contains(r) else {
                    throw DesignSpaceError.indexOutOfRange(what: "\(field) rank", index: String(r), count: String(ranks.count - 1))
                }
                shapes[matrix] = try shape(
                    input: options[i].input, output: options[i].output, rank: ranks[r], rows: size.rows, columns: size.columns,
                    field: field)
            }
            result.append(shapes)
        }
        return result
    }
}
