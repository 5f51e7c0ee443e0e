/// Input embedding for token ids: a learned table of one row per vocabulary entry, plus a
/// learned position embedding. Ids arrive as floats (one per token), exact below 2^24.
package final class TokenEmbedding: Operation {
    package var inputWidth: Int { 1 }
    package let outputWidth: Int
    private let sequenceLength: Int
    package let table: Parameter
    package let positions: Parameter
    private var ids: [Int] = []

    package init(vocabularySize: Int, hiddenSize: Int, sequenceLength: Int, initializer: inout WeightInitializer) {
        outputWidth = hiddenSize
        self.sequenceLength = sequenceLength
        var own = initializer.split()
        table = Parameter(name: "embedding.token", value: own.normal(standardDeviation: 0.02, count: vocabularySize * hiddenSize))
        positions = Parameter(name: "embedding.position", value: own.normal(standardDeviation: 0.02, count: sequenceLength * hiddenSize))
    }

    package var parameters: [Parameter] { [table, positions] }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        ids = x.map { Int($0) }
        let h = outputWidth
        var output = [Float](repeating: 0, count: ids.count * h)
        for (row, id) in ids.enumerated() {
            let position = row % sequenceLength
            for c in 0..<h { output[row * h + c] = table.value[id * h + c] + positions.value[position * h + c] }
        }
        return output
    }

    /// Accumulates the table and position gradients; ids have no gradient (zeros).
    package func backward(_ outputGradient: [Float]) -> [Float] {
        let h = outputWidth
        for (row, id) in ids.enumerated() {
            let position = row % sequenceLength
            for c in 0..<h {
                table.gradient[id * h + c] += outputGradient[row * h + c]
                positions.gradient[position * h + c] += outputGradient[row * h + c]
            }
        }
        return [Float](repeating: 0, count: ids.count)
    }
}
