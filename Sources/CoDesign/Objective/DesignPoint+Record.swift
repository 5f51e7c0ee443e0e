import DesignSpace

/// How a point's decomposition is stored in run logs: the 216-number frozen encoding of
/// `DecompositionSpace`, under `decomposition` with its `decomposition_version`, present only
/// for decomposed models so that logs of dense searches read and write as before.
extension DesignPoint {
    /// The decomposition's frozen encoding, nil for a dense model.
    package var decompositionRecord: [Int]? {
        get throws { try Self.decompositionRecord(of: model) }
    }

    /// `model`'s decomposition in its frozen encoding, nil for a dense model; throws, naming
    /// the matrix, for a decomposition the encoding cannot express.
    package static func decompositionRecord(of model: TransformerModel) throws -> [Int]? {
        model.decomposition.isDense ? nil : try DecompositionSpace.embedding(of: model)
    }

    /// The model a record describes: the published embedding, then the decomposition when the
    /// record has one (refusing another `decomposition_version`).
    package static func model(embedding: [Int], decomposition: [Int]?, version: Int?) throws -> TransformerModel {
        let dense = try TransformerSpace.model(embedding: embedding)
        guard let decomposition else { return dense }
        guard version == DecompositionSpace.version else {
            throw CoDesignError.invalidSetting(
                name: DecompositionSpace.fieldName, value: version.map(String.init) ?? "none",
                allowed: "\(DecompositionSpace.version) (this build's tensor-train encoding)")
        }
        return try TransformerModel(
            layers: dense.layers, decomposition: DecompositionSpace.decomposition(decomposition, layers: dense.layers))
    }
}
