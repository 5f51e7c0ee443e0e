import DesignSpace

/// One decomposition of a model that a study evaluates: every decomposable matrix in
/// tensor-train form with the same core count and rank.
package struct CompressionCandidate: Sendable {
    package let cores: Int
    package let rank: Int
    package let shaping: Shaping
    package let model: TransformerModel

    /// E.g. `tt d=2 r=8 hardware-aware`.
    package var label: String { "tt d=\(cores) r=\(rank) \(shaping.rawValue)" }
}
