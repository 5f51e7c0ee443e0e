/// Bytes held in each on-chip buffer (the cycle-level mode reports the peak of each).
package struct BufferOccupancy: Codable, Sendable, Equatable {
    package var activation = 0.0
    package var weight = 0.0
    package var mask = 0.0

    package init(activation: Double = 0, weight: Double = 0, mask: Double = 0) {
        self.activation = activation
        self.weight = weight
        self.mask = mask
    }

    /// (buffer name, bytes) pairs in name order, for reports.
    package var entries: [(name: String, value: Double)] {
        [("activation", activation), ("mask", mask), ("weight", weight)]
    }
}
