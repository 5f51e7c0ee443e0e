/// A heterogeneous FlexiBERT 2.0 transformer: 2 to 12 encoder layers, each its own shape.
public struct TransformerModel: Hashable, Codable, Sendable {
    /// The encoder layers, first to last.
    public let layers: [TransformerLayer]
    /// Learned parameters, including the token, position and segment embeddings (see
    /// `parameters(of:)`); kept because every simulation's memory footprint reads it.
    public let parameterCount: Int
    /// The weight matrices held in tensor-train form (HEAT); dense for every model of the
    /// published space.
    public let decomposition: ModelDecomposition

    enum CodingKeys: String, CodingKey {
        case layers
        case decomposition = "tt"
    }

    /// Creates a dense model after checking the layer count against the space.
    public init(layers: [TransformerLayer]) throws {
        try self.init(layers: layers, decomposition: nil)
    }

    /// Creates a model with some matrices decomposed; each shape is checked against its
    /// matrix. `nil` means dense.
    public init(layers: [TransformerLayer], decomposition: [[DecomposedMatrix: TensorTrainShape]]?) throws {
        guard TransformerSpace.layerCounts.contains(layers.count) else {
            throw DesignSpaceError.invalidValue(
                field: "l", value: String(layers.count),
                allowed: AcceleratorSpace.describe(TransformerSpace.layerCounts))
        }
        self.layers = layers
        self.decomposition =
            try decomposition.map { try ModelDecomposition(layers: $0, of: layers) } ?? .dense(layerCount: layers.count)
        parameterCount = Self.parameters(of: layers, decomposition: self.decomposition)
    }

    /// The same layers with every matrix dense.
    public var dense: TransformerModel {
        decomposition.isDense ? self : try! TransformerModel(layers: layers)
    }

    /// Decodes the layers (and the decomposition, when present) and validates them as
    /// `init(layers:decomposition:)` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let layers = try container.decode([TransformerLayer].self, forKey: .layers)
        let stored = try container.decodeIfPresent([[String: StoredTensorTrain]].self, forKey: .decomposition)
        try self.init(layers: layers, decomposition: try stored.map { try StoredTensorTrain.shapes($0, layers: layers) })
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(layers, forKey: .layers)
        if !decomposition.isDense {
            try container.encode(StoredTensorTrain.stored(decomposition), forKey: .decomposition)
        }
    }

    /// Vocabulary size of the token embedding (BERT's WordPiece vocabulary).
    public static let vocabularySize = 30_522
    /// Positions in the position embedding.
    public static let maxPositions = 512
}
