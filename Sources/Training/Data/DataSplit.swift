import DesignSpace

/// The examples a run trains and validates on, both drawn from a data set's training split
/// by a seeded shuffle (the test split is never touched).
package struct DataSplit: Sendable {
    package let training: LabeledExamples
    package let validation: LabeledExamples

    /// Shuffles `examples` with `seed`, puts the first `validationCount` aside for validation
    /// and keeps up to `samples` (all when nil) of the rest for training.
    package init(_ examples: LabeledExamples, validationCount: Int, samples: Int?, seed: UInt64) throws(TrainingError) {
        guard validationCount >= 1, validationCount < examples.count else {
            throw .invalidSetting(
                name: "validation size", value: String(validationCount),
                allowed: "1 to \(examples.count - 1) (the training split has \(examples.count) examples)")
        }
        var order = Array(0..<examples.count)
        var generator = SeededGenerator(seed: seed)
        Self.shuffle(&order, using: &generator)
        let rest = order[validationCount...]
        let kept = samples.map { rest.prefix($0) } ?? rest
        validation = examples.selecting(order[..<validationCount])
        training = examples.selecting(kept)
    }

    /// Fisher-Yates with the project's generator: the standard library does not promise the
    /// same permutation for the same generator across releases.
    package static func shuffle(_ values: inout [Int], using generator: inout SeededGenerator) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = Int(generator.next() % UInt64(i + 1))
            values.swapAt(i, j)
        }
    }
}
