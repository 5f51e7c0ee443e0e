import Training

/// A declared, versioned training budget for measuring models of the space. Every record
/// carries the whole setting, so figures measured under different budgets are never mixed.
///
/// `reduced` is the data set's budget (about a minute per model on a loaded 2-core machine);
/// `full` is the fuller budget the rank-consistency check compares it with (10 times the
/// sample passes, half the width division, the whole test split); `tiny` exists for tests.
/// Adam at 3e-4 with batch 16: at 1e-3 and batch 32, models of 8 and 10 post-norm layers
/// stayed at chance (loss 2.33) after 2 epochs of 3,000 samples, and deep models are half
/// the space.
/// Changing any value of a named setting needs a new `version`.
package struct MeasurementSetting: Codable, Equatable, Sendable {
    package let name: String
    package let version: Int
    /// Training examples per epoch, drawn (seeded) from the training split after validation.
    package let trainingSamples: Int
    /// Examples of the training split held out for validation.
    package let validationSamples: Int
    /// The first `testSamples` images of the test split.
    package let testSamples: Int
    package let epochs: Int
    package let batchSize: Int
    package let optimizer: OptimizerKind
    package let learningRate: Double
    /// Hidden and feed-forward widths are divided by this (`TrainingSettings.widthDivisor`).
    package let widthDivisor: Int

    /// The declared settings by name.
    package static let declared: [MeasurementSetting] = [
        MeasurementSetting(
            name: "reduced", version: 1, trainingSamples: 2000, validationSamples: 500, testSamples: 1000, epochs: 1, batchSize: 16,
            optimizer: .adam, learningRate: 0.0003, widthDivisor: 4),
        MeasurementSetting(
            name: "full", version: 1, trainingSamples: 10000, validationSamples: 2000, testSamples: 10000, epochs: 2, batchSize: 16,
            optimizer: .adam, learningRate: 0.0003, widthDivisor: 2),
        MeasurementSetting(
            name: "tiny", version: 1, trainingSamples: 128, validationSamples: 64, testSamples: 128, epochs: 1, batchSize: 32,
            optimizer: .adam, learningRate: 0.001, widthDivisor: 8),
    ]

    /// The declared setting called `name`.
    package static func named(_ name: String) throws(AccuracyMeasurementError) -> MeasurementSetting {
        guard let setting = declared.first(where: { $0.name == name }) else { throw .unknownSetting(name) }
        return setting
    }

    /// The trainer's settings for one model trained with `seed`, on `threads` BLAS threads.
    package func trainingSettings(seed: UInt64, threads: Int) -> TrainingSettings {
        TrainingSettings(
            epochs: epochs, samples: trainingSamples, batchSize: batchSize, optimizer: optimizer, learningRate: learningRate, seed: seed,
            validationSize: validationSamples, threads: threads, widthDivisor: widthDivisor)
    }

    /// One line for logs and help.
    package var summary: String {
        "\(name) v\(version): \(trainingSamples) training samples x \(epochs) epochs, \(validationSamples) validation, "
            + "\(testSamples) test, batch \(batchSize), \(optimizer.rawValue) lr \(learningRate), widths / \(widthDivisor)"
    }
}
