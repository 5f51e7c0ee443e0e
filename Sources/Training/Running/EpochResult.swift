/// What one epoch measured.
package struct EpochResult: Codable, Equatable, Sendable {
    package let epoch: Int
    /// Mean training cross-entropy over the epoch's batches.
    package let meanLoss: Double
    package let trainingAccuracy: Double
    package let validationAccuracy: Double
    /// Training examples per second of wall time (forward, backward and update).
    package let samplesPerSecond: Double
    package let seconds: Double
}
