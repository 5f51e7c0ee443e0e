/// A tensor-train shape as stored in JSON: `{"in": [...], "out": [...], "ranks": [...]}`,
/// one object per decomposed matrix, keyed by `DecomposedMatrix.key`, one map per layer.
struct StoredTensorTrain: Codable {
    let `in`: [Int]
    let out: [Int]
    let ranks: [Int]

    /// The stored maps as checked shapes of `layers`.
    static func shapes(_ stored: [[String: StoredTensorTrain]], layers: [TransformerLayer]) throws
        -> [[DecomposedMatrix: TensorTrainShape]]
    {
        guard stored.count == layers.count else {
            throw DesignSpaceError.invalidValue(
                field: "tt", value: "\(stored.count) entries", allowed: "one object per layer (\(layers.count), as l says)")
        }
        var result: [[DecomposedMatrix: TensorTrainShape]] = []
        for (j, (available, map)) in zip(DecomposedMatrix.sized(in: layers), stored).enumerated() {
            var shapes: [DecomposedMatrix: TensorTrainShape] = [:]
            for key in map.keys.sorted() {
                let field = "tt[\(j)].\(key)"
                let size = try DecomposedMatrix.size(of: DecomposedMatrix(key: key), among: available, layer: j, field: field)
                let s = map[key]!
                shapes[size.matrix] = try TensorTrainShape(
                    inputFactors: s.in, outputFactors: s.out, ranks: s.ranks, rows: size.rows, columns: size.columns, field: field)
            }
            result.append(shapes)
        }
        return result
    }

    /// The stored form of a decomposition.
    static func stored(_ decomposition: ModelDecomposition) -> [[String: StoredTensorTrain]] {
        decomposition.layers.map { layer in
            Dictionary(
                uniqueKeysWithValues: layer.map {
                    ($0.key.key, StoredTensorTrain(in: $0.value.inputFactors, out: $0.value.outputFactors, ranks: $0.value.ranks))
                })
        }
    }
}
