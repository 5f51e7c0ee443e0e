/// Where a matrix product runs: a layer (0 is the input embedding, 1...l the encoder layers,
/// l + 1 the classifier) and an operation within it, e.g. `sa_sdp.scores`.
package struct ProductSite: Hashable, Codable, Comparable, Sendable {
    package let layer: Int
    package let operation: String

    package init(layer: Int, operation: String) {
        self.layer = layer
        self.operation = operation
    }

    package static func < (lhs: ProductSite, rhs: ProductSite) -> Bool {
        (lhs.layer, lhs.operation) < (rhs.layer, rhs.operation)
    }
}
