import DesignSpace

/// How one matrix group is held: dense, or in tensor-train form with a core count, a uniform
/// rank and two edge factors.
///
/// The shapes the search explores are the edge family: every core but the last takes the
/// input edge factor of the rows (the last takes the rest), and every core but the first the
/// output edge factor of the columns (the first takes the rest): a 128 x 512 matrix in two
/// cores with edges 2 and 4 is [2, 64] x [128, 4]. `transcode compress`'s hardware-aware
/// shapes on BERT-Tiny and FB* (a shape search over every factorisation by simulated EDP)
/// are all of this form, with edges of 2 and 4: small outer factors keep the bond products
/// inside the MAC lanes' tiles. Large edges give the even shapes of the hand-tuned heuristic.
package struct GroupDecomposition: Hashable, Sendable {
    /// 0 for dense, else one of `DecompositionSpace.coreCounts`.
    package var cores: Int
    /// Index into `DecompositionSpace.ranks` (ignored when dense).
    package var rankIndex: Int
    /// Indices into `edges` of the input and output edge factors (ignored when dense).
    package var inputEdgeIndex: Int
    package var outputEdgeIndex: Int

    package static let dense = GroupDecomposition(cores: 0, rankIndex: 0, inputEdgeIndex: 0, outputEdgeIndex: 0)

    package init(cores: Int, rankIndex: Int, inputEdgeIndex: Int, outputEdgeIndex: Int) {
        self.cores = cores
        self.rankIndex = rankIndex
        self.inputEdgeIndex = inputEdgeIndex
        self.outputEdgeIndex = outputEdgeIndex
    }

    /// The core counts a group can take, dense first.
    package static let coreChoices = [0] + DecompositionSpace.coreCounts
    /// The edge factors a group can take.
    package static let edges = [2, 4, 8, 16, 32]

    /// `width` split into `cores` factors with `edge` on the edge side (`edgeFirst`: the
    /// first cores), the edge halved until the rest is a whole factor of at least 2; nil when
    /// even 2 does not divide it.
    static func factors(_ width: Int, cores: Int, edge: Int, edgeFirst: Bool) -> [Int]? {
        var e = edge
        while e >= 2 {
            let side = (1..<cores).reduce(1) { p, _ in p * e }
            if width % side == 0 && width / side >= 2 {
                let edges = [Int](repeating: e, count: cores - 1)
                return edgeFirst ? edges + [width / side] : [width / side] + edges
            }
            e /= 2
        }
        return nil
    }

    /// The shape this setting gives a rows x columns matrix (nil: dense, or a matrix whose
    /// widths cannot be split into this many cores).
    package func shape(rows: Int, columns: Int, field: String) throws -> TensorTrainShape? {
        guard cores > 0,
            let input = Self.factors(rows, cores: cores, edge: Self.edges[inputEdgeIndex], edgeFirst: true),
            let output = Self.factors(columns, cores: cores, edge: Self.edges[outputEdgeIndex], edgeFirst: false)
        else { return nil }
        return try DecompositionSpace.shape(
            input: input, output: output, rank: DecompositionSpace.ranks[rankIndex], rows: rows, columns: columns, field: field)
    }
}
