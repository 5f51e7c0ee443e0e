/// A heterogeneous FlexiBERT 2.0 transformer: 2 to 12 encoder layers, each its own shape.
public struct TransformerModel: Hashable, Codable, Sendable {
    /// The encoder layers, first to last.
    public let layers: [TransformerLayer]
    /// Learned parameters, including the token, position and segment embeddings (see
    /// `parameters(of:)`); kept because every simulation's memory footprint reads it.
    public let parameterCount: Int

    enum CodingKeys: String, CodingKey {
        case layers
    }

    /// Creates a model after checking the layer count against the space.
    public init(layers: [TransformerLayer]) throws {
        guard TransformerSpace.layerCounts.contains(layers.count) else {
            throw DesignSpaceError.invalidValue(
                field: "l", value: String(layers.count),
                allowed: AcceleratorSpace.describe(TransformerSpace.layerCounts))
        }
        self.layers = layers
        parameterCount = Self.parameters(of: layers)
    }

    /// Decodes the layers and validates them as `init(layers:)` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(layers: container.decode([TransformerLayer].self, forKey: .layers))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(layers, forKey: .layers)
    }

    /// Vocabulary size of the token embedding (BERT's WordPiece vocabulary).
    public static let vocabularySize = 30_522
    /// Positions in the position embedding.
    public static let maxPositions = 512
}
