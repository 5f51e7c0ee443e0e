import DesignSpace

/// Seeded initial values, so that a seed fixes a network bit for bit.
package struct WeightInitializer {
    private var generator: SeededGenerator

    package init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// Normal values with the Glorot standard deviation sqrt(2 / (fanIn + fanOut)).
    package mutating func glorot(fanIn: Int, fanOut: Int, count: Int) -> [Float] {
        normal(standardDeviation: (2 / Double(fanIn + fanOut)).squareRoot(), count: count)
    }

    package mutating func normal(standardDeviation: Double, count: Int) -> [Float] {
        (0..<count).map { _ in Float(generator.nextGaussian() * standardDeviation) }
    }

    /// A child stream for a sub-module, so adding a module does not shift the others' values.
    package mutating func split() -> WeightInitializer {
        WeightInitializer(seed: generator.next())
    }
}
