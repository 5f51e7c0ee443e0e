import DesignSpace

/// How one matrix group is held: dense, or in tensor-train form with a core count, a uniform
/// rank and a place along each matrix's balance order.
package struct GroupDecomposition: Hashable, Sendable {
    /// 0 for dense, else one of `DecompositionSpace.coreCounts`.
    package var cores: Int
    /// Index into `DecompositionSpace.ranks` (ignored when dense).
    package var rankIndex: Int
    /// Place along each matrix's shapes from the most even (0) to the most skewed (1).
    package var shapePosition: Double

    package static let dense = GroupDecomposition(cores: 0, rankIndex: 0, shapePosition: 0)

    package init(cores: Int, rankIndex: Int, shapePosition: Double) {
        self.cores = cores
        self.rankIndex = rankIndex
        self.shapePosition = shapePosition
    }

    /// The core counts a group can take, dense first.
    package static let coreChoices = [0] + DecompositionSpace.coreCounts

    /// The shape this setting gives a rows x columns matrix (nil: dense, or a matrix that
    /// cannot be split into this many cores).
    package func shape(rows: Int, columns: Int, field: String) throws -> TensorTrainShape? {
        guard cores > 0 else { return nil }
        let options = DecompositionSpace.shapesByBalance(rows: rows, columns: columns, cores: cores)
        guard !options.isEmpty else { return nil }
        let chosen = options[Int((shapePosition * Double(options.count - 1)).rounded())]
        return try DecompositionSpace.shape(
            input: chosen.input, output: chosen.output, rank: DecompositionSpace.ranks[rankIndex], rows: rows, columns: columns,
            field: field)
    }
}
