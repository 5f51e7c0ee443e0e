/// Cycles in which no compute unit worked, by cause, plus `compute`: cycles operations
/// waited for busy units.
package struct StallBreakdown: Codable, Sendable, Equatable {
    /// Waiting for main-memory transfers.
    package var memory = 0
    /// Waiting for a producing operation to finish.
    package var dependency = 0
    /// Waiting for space in the activation/gradient buffer.
    package var bufferFull = 0
    /// Waiting for a unit of the operation's class to come free.
    package var compute = 0

    package init() {}

    enum CodingKeys: String, CodingKey {
        case memory, dependency
        case bufferFull = "buffer_full"
        case compute
    }

    /// All causes that leave the compute units idle (everything but `compute`).
    package var idle: Int { memory + dependency + bufferFull }

    /// (JSON key, value) pairs in key order, for reports.
    package var entries: [(name: String, value: Int)] {
        [("buffer_full", bufferFull), ("compute", compute), ("dependency", dependency), ("memory", memory)]
    }
}
