import DesignSpace
import Foundation

/// The tensor-train variables of a searched point (HEAT, issue 16): per matrix group, dense or
/// a core count, a rank and a shape. Applied to a model, it yields the model's decomposition;
/// read back from a model, it is what the search's encoding sees.
package struct DecompositionChoice: Hashable, Sendable {
    /// Indexed by `MatrixGroup.rawValue`.
    package var groups: [GroupDecomposition]

    package static let dense = DecompositionChoice(groups: MatrixGroup.allCases.map { _ in .dense })

    package init(groups: [GroupDecomposition]) {
        precondition(groups.count == MatrixGroup.allCases.count)
        self.groups = groups
    }

    package subscript(group: MatrixGroup) -> GroupDecomposition {
        get { groups[group.rawValue] }
        set { groups[group.rawValue] = newValue }
    }

    /// `model`'s layers with this decomposition (any decomposition `model` had is replaced).
    package func apply(to model: TransformerModel) throws -> TransformerModel {
        let shapes = try DecomposedMatrix.sized(in: model.layers).enumerated().map { j, layer in
            var shapes: [DecomposedMatrix: TensorTrainShape] = [:]
            for size in layer {
                shapes[size.matrix] = try self[MatrixGroup(size.matrix)].shape(
                    rows: size.rows, columns: size.columns, field: "tt[\(j)].\(size.matrix.key)")
            }
            return shapes
        }
        return try TransformerModel(layers: model.layers, decomposition: shapes)
    }

    /// The choice that describes `model`, exact for every model a choice built: per group,
    /// the core count its matrices share and the smallest listed edges and rank that
    /// reproduce every one of their shapes (clamped edges and bonds included), so that
    /// `DecompositionChoice(of: m).apply(to: m) == m`. For a model decomposed by hand (a group
    /// mixing core counts, dense and decomposed matrices, or shapes outside the edge family)
    /// the group is read from its first decomposed matrix: the surrogate's summary of it, not
    /// the model.
    package init(of model: TransformerModel) {
        var members: [MatrixGroup: [(size: DecomposedMatrix.Sized, shape: TensorTrainShape?)]] = [:]
        for (j, layer) in DecomposedMatrix.sized(in: model.layers).enumerated() {
            for size in layer {
                members[MatrixGroup(size.matrix), default: []].append((size, model.decomposition.shape(layer: j, size.matrix)))
            }
        }
        self.groups = MatrixGroup.allCases.map { group in
            Self.read(members[group] ?? [])
        }
    }

    /// One group's setting from its matrices (see `init(of:)`).
    static func read(_ members: [(size: DecomposedMatrix.Sized, shape: TensorTrainShape?)]) -> GroupDecomposition {
        let decomposed = members.compactMap { m in m.shape.map { (size: m.size, shape: $0) } }
        guard let first = decomposed.first else { return .dense }
        let cores = first.shape.coreCount
        let edges = GroupDecomposition.edges.indices
        let uniform = decomposed.count == members.count && decomposed.allSatisfy { $0.shape.coreCount == cores }
        let input = edges.first { e in
            decomposed.allSatisfy {
                GroupDecomposition.factors(
                    $0.size.rows, cores: cores, edge: GroupDecomposition.edges[e], edgeFirst: true) == $0.shape.inputFactors
            }
        }
        let output = edges.first { e in
            decomposed.allSatisfy {
                GroupDecomposition.factors(
                    $0.size.columns, cores: cores, edge: GroupDecomposition.edges[e], edgeFirst: false) == $0.shape.outputFactors
            }
        }
        if uniform, let input, let output {
            let rank = DecompositionSpace.ranks.indices.first { r in
                decomposed.allSatisfy { m in
                    (try? GroupDecomposition(cores: cores, rankIndex: r, inputEdgeIndex: input, outputEdgeIndex: output).shape(
                        rows: m.size.rows, columns: m.size.columns, field: "")) == m.shape
                }
            }
            if let rank { return GroupDecomposition(cores: cores, rankIndex: rank, inputEdgeIndex: input, outputEdgeIndex: output) }
        }
        // Hand-made: the first decomposed matrix's outer factors and largest rank stand for the group.
        func nearest(_ factor: Int) -> Int {
            edges.min { abs(GroupDecomposition.edges[$0] - factor) < abs(GroupDecomposition.edges[$1] - factor) }!
        }
        let top = first.shape.ranks.max() ?? 1
        return GroupDecomposition(
            cores: cores, rankIndex: DecompositionSpace.ranks.firstIndex { $0 >= top } ?? DecompositionSpace.ranks.count - 1,
            inputEdgeIndex: nearest(first.shape.inputFactors[0]), outputEdgeIndex: nearest(first.shape.outputFactors.last!))
    }

    /// A uniformly drawn choice: each group's core count (dense included), rank and shape.
    package static func random(using rng: inout SeededGenerator) -> DecompositionChoice {
        DecompositionChoice(
            groups: MatrixGroup.allCases.map { _ in
                GroupDecomposition(
                    cores: GroupDecomposition.coreChoices.randomElement(using: &rng)!,
                    rankIndex: Int.random(in: 0..<DecompositionSpace.ranks.count, using: &rng),
                    inputEdgeIndex: Int.random(in: 0..<GroupDecomposition.edges.count, using: &rng),
                    outputEdgeIndex: Int.random(in: 0..<GroupDecomposition.edges.count, using: &rng))
            })
    }

    /// One line: each group dense or its cores, rank and edge factors; no commas, so it fits
    /// a CSV field.
    package var summary: String {
        MatrixGroup.allCases.map { g in
            let d = self[g]
            guard d.cores > 0 else { return "\(g.name) dense" }
            return "\(g.name) \(d.cores) cores rank \(DecompositionSpace.ranks[d.rankIndex]) edges "
                + "\(GroupDecomposition.edges[d.inputEdgeIndex])/\(GroupDecomposition.edges[d.outputEdgeIndex])"
        }.joined(separator: "; ")
    }
}
