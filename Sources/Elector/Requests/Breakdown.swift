/// How finely a cycle-level run's figures are divided, besides the chip totals.
package enum Breakdown: String, Sendable, Codable, CaseIterable {
    /// One entry per layer (the embedding is layer 0).
    case layer
    /// One entry per mapped operation.
    case operation
}
