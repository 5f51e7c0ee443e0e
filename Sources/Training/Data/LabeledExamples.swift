/// Labelled sequences of tokens: `count` sequences of `sequenceLength` tokens of `tokenWidth`
/// floats each, stored row after row.
package struct LabeledExamples: Sendable {
    package let inputs: [Float]
    package let labels: [Int32]
    package let sequenceLength: Int
    package let tokenWidth: Int

    package init(inputs: [Float], labels: [Int32], sequenceLength: Int, tokenWidth: Int) {
        precondition(inputs.count == labels.count * sequenceLength * tokenWidth)
        self.inputs = inputs
        self.labels = labels
        self.sequenceLength = sequenceLength
        self.tokenWidth = tokenWidth
    }

    package var count: Int { labels.count }

    /// Floats per sequence.
    package var stride: Int { sequenceLength * tokenWidth }

    /// The examples at `indices`, in that order.
    package func selecting<C: Collection<Int>>(_ indices: C) -> LabeledExamples {
        var selected = [Float]()
        selected.reserveCapacity(indices.count * stride)
        for index in indices { selected.append(contentsOf: inputs[(index * stride)..<((index + 1) * stride)]) }
        return LabeledExamples(
            inputs: selected, labels: indices.map { labels[$0] }, sequenceLength: sequenceLength, tokenWidth: tokenWidth)
    }
}
