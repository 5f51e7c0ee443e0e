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
    /// the core count its matrices share, the smallest listed rank that reproduces every one
    /// of their ranks (clamped bonds included), and a shape position inside every matrix's
    /// rounding interval (the middle of their intersection), so that
    /// `DecompositionChoice(of: m).apply(to: m) == m`. For a model decomposed by hand (a group
    /// mixing core counts, dense and decomposed matrices, or shapes no single position gives)
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
        // Each matrix's index along its own balance order, and the positions that round to it.
        var low = 0.0
        var high = 1.0
        var positions: [(index: Int, count: Int)] = []
        for m in decomposed {
            let options = DecompositionSpace.shapesByBalance(rows: m.size.rows, columns: m.size.columns, cores: m.shape.coreCount)
            let index = options.firstIndex { $0.input == m.shape.inputFactors && $0.output == m.shape.outputFactors } ?? 0
            positions.append((index, options.count))
            guard options.count > 1 else { continue }
            let steps = Double(options.count - 1)
            low = max(low, (Double(index) - 0.5) / steps)
            high = min(high, (Double(index) + 0.5) / steps)
        }
        let rankIndex = DecompositionSpace.ranks.indices.first { r in
            decomposed.allSatisfy { m in
                (try? DecompositionSpace.shape(
                    input: m.shape.inputFactors, output: m.shape.outputFactors, rank: DecompositionSpace.ranks[r], rows: m.size.rows,
                    columns: m.size.columns, field: "")) == m.shape
            }
        }
        let uniform = decomposed.count == members.count && decomposed.allSatisfy { $0.shape.coreCount == cores }
        if uniform, low < high, let rankIndex {
            return GroupDecomposition(cores: cores, rankIndex: rankIndex, shapePosition: (low + high) / 2)
        }
        // Hand-made: the first decomposed matrix stands for the group.
        let top = first.shape.ranks.max() ?? 1
        let (index, count) = positions[0]
        return GroupDecomposition(
            cores: cores, rankIndex: DecompositionSpace.ranks.firstIndex { $0 >= top } ?? DecompositionSpace.ranks.count - 1,
            shapePosition: count > 1 ? Double(index) / Double(count - 1) : 0)
    }

    /// A uniformly drawn choice: each group's core count (dense included), rank and shape.
    package static func random(using rng: inout SeededGenerator) -> DecompositionChoice {
        DecompositionChoice(
            groups: MatrixGroup.allCases.map { _ in
                GroupDecomposition(
                    cores: GroupDecomposition.coreChoices.randomElement(using: &rng)!,
                    rankIndex: Int.random(in: 0..<DecompositionSpace.ranks.count, using: &rng),
                    shapePosition: Double.random(in: 0...1, using: &rng))
            })
    }

    /// One line: each group dense or "cores x rank r, shape s" (s: place along the balance
    /// order); no commas, so it fits a CSV field.
    package var summary: String {
        MatrixGroup.allCases.map { g in
            let d = self[g]
            guard d.cores > 0 else { return "\(g.name) dense" }
            return "\(g.name) \(d.cores) cores rank \(DecompositionSpace.ranks[d.rankIndex]) shape "
                + String(format: "%.2f", d.shapePosition)
        }.joined(separator: "; ")
    }
}
