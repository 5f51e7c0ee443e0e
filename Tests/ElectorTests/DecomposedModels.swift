import DesignSpace

/// Tensor-train variants of sampled models for the tests: random slots of the decomposition
/// encoding, decoded as the search would.
enum DecomposedModels {
    /// `model` with about half of its decomposable matrices in tensor-train form.
    static func random(_ model: TransformerModel, seed: UInt64) throws -> TransformerModel {
        var generator = SeededGenerator(seed: seed)
        var e = [Int](repeating: 0, count: DecompositionSpace.embeddingLength)
        for (j, available) in DecomposedMatrix.sized(in: model.layers).enumerated() {
            for (s, matrix) in DecompositionSpace.slots.enumerated() {
                guard let size = available.first(where: { $0.matrix == matrix }), Bool.random(using: &generator) || (j == 0 && s == 1)
                else { continue }
                let c = Int.random(in: 0..<DecompositionSpace.coreCounts.count, using: &generator)
                let shapes = DecompositionSpace.shapes(rows: size.rows, columns: size.columns, cores: DecompositionSpace.coreCounts[c])
                let base = (j * DecompositionSpace.slots.count + s) * DecompositionSpace.slotLength
                e[base] = c + 1
                e[base + 1] = Int.random(in: 0..<shapes.count, using: &generator)
                e[base + 2] = Int.random(in: 0..<DecompositionSpace.ranks.count, using: &generator)
            }
        }
        return try TransformerModel(layers: model.layers, decomposition: DecompositionSpace.decomposition(e, layers: model.layers))
    }
}
