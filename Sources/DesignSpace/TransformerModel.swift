/// A heterogeneous FlexiBERT 2.0 transformer: 2 to 12 encoder layers, each its own shape.
public struct TransformerModel: Hashable, Codable, Sendable {
    /// The encoder layers, first to last.
    public let layers: [TransformerLayer]

    /// Creates a model after checking the layer count against the space.
    public init(layers: [TransformerLayer]) throws {
        guard TransformerSpace.layerCounts.contains(layers.count) else {
            throw DesignSpaceError.invalidValue(
                field: "l", value: String(layers.count),
                allowed: AcceleratorSpace.describe(TransformerSpace.layerCounts))
        }
        self.layers = layers
    }

    /// Vocabulary size of the token embedding (BERT's WordPiece vocabulary).
    public static let vocabularySize = 30_522
    /// Positions in the position embedding.
    public static let maxPositions = 512
}
