/// What one sequential main-memory transfer costs: its time, and the column accesses
/// (bursts) and row activations it takes. A row hit is a burst that finds its row open.
package struct MemoryTransfer: Sendable, Equatable {
    package var nanoseconds: Double
    package var bursts: Double
    package var activations: Double

    package init(nanoseconds: Double = 0, bursts: Double = 0, activations: Double = 0) {
        self.nanoseconds = nanoseconds
        self.bursts = bursts
        self.activations = activations
    }

    package var rowHits: Double { bursts - activations }

    /// Adds `other`'s time, bursts and activations.
    package mutating func add(_ other: MemoryTransfer) {
        nanoseconds += other.nanoseconds
        bursts += other.bursts
        activations += other.activations
    }

    /// `n` copies of this transfer, one after another.
    package func times(_ n: Double) -> MemoryTransfer {
        MemoryTransfer(nanoseconds: nanoseconds * n, bursts: bursts * n, activations: activations * n)
    }
}
