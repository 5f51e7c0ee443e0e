extension TransformerModel {
    /// How many times fewer weights the decomposable matrices hold than dense: the dense
    /// weights of every decomposable matrix over what they hold in this model (cores for a
    /// decomposed matrix, the weights themselves for a dense one). 1 for a dense model.
    ///
    /// This is the measure the search's accuracy model for decomposed models reads: unlike
    /// `parameterCount`, it is not diluted by the embeddings and head projections, which no
    /// decomposition touches.
    public var matrixCompression: Double {
        var dense = 0
        var held = 0
        for (j, layer) in DecomposedMatrix.sized(in: layers).enumerated() {
            for size in layer {
                let weights = size.rows * size.columns
                dense += weights
                held += decomposition.shape(layer: j, size.matrix)?.parameterCount ?? weights
            }
        }
        return Double(dense) / Double(max(held, 1))
    }
}
