/// The non-linearity that follows a feed-forward layer (paper Table II).
public enum Activation: String, CaseIterable, Codable, Sendable {
    case relu
    case gelu

    /// The spelling used in tables and reports.
    public var displayName: String { self == .relu ? "ReLU" : "GeLU" }

    /// The 13th accelerator-embedding entry: 0 for ReLU, 1 for GeLU.
    public var embeddingCode: Int { self == .relu ? 0 : 1 }
}
