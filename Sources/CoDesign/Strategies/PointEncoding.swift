import DesignSpace

/// Maps design points to the surrogate's normalised input in [0, 1]^D and back.
///
/// The transformer part is the published 37-number FlexiBERT 2.0 embedding divided by each
/// entry's range; the accelerator part is each of the 13 embedding entries' position in its
/// list of allowed values; the taus are positions in their grids. A search that decomposes
/// appends four numbers per matrix group (`DecompositionChoice`): the positions of its core
/// count, rank and two edge factors in their lists. Decoding
/// snaps to the nearest valid point of every space (`TransformerSpace.nearest`,
/// `AcceleratorConfig.nearest`).
package struct PointEncoding: Sendable {
    /// Whether the input carries the decomposition variables.
    package let decomposes: Bool

    package init(decomposes: Bool) { self.decomposes = decomposes }

    /// The encoding of searches over dense models (and of the frozen search table).
    package static let dense = PointEncoding(decomposes: false)

    static let transformerBounds = TransformerSpace.embeddingUpperBounds.map(Double.init)
    static let acceleratorLists = AcceleratorConfig.embeddingAllowedValues
    /// Numbers per matrix group: cores, rank, input and output edge.
    static let groupLength = 4

    package var dimension: Int {
        Self.transformerBounds.count + Self.acceleratorLists.count + 2
            + (decomposes ? MatrixGroup.allCases.count * Self.groupLength : 0)
    }

    package func encode(_ p: DesignPoint) -> [Double] {
        let t = zip(TransformerSpace.embedding(of: p.model), Self.transformerBounds).map { Double($0) / $1 }
        let a = zip(p.accelerator.embedding, Self.acceleratorLists).map { value, list in
            Double(list.firstIndex(of: value)!) / Double(list.count - 1)
        }
        let taus = [
            Double(DesignPoint.tauIChoices.firstIndex(of: p.tauI)!) / Double(DesignPoint.tauIChoices.count - 1),
            Double(DesignPoint.tauTChoices.firstIndex(of: p.tauT)!) / Double(DesignPoint.tauTChoices.count - 1),
        ]
        guard decomposes else { return t + a + taus }
        let choice = DecompositionChoice(of: p.model)
        let cores = GroupDecomposition.coreChoices
        let edges = Double(GroupDecomposition.edges.count - 1)
        let ranks = Double(DecompositionSpace.ranks.count - 1)
        let groups = choice.groups.flatMap { (g: GroupDecomposition) -> [Double] in
            let core: Double = Double(cores.firstIndex(of: g.cores) ?? 0) / Double(cores.count - 1)
            return [core, Double(g.rankIndex) / ranks, Double(g.inputEdgeIndex) / edges, Double(g.outputEdgeIndex) / edges]
        }
        return t + a + taus + groups
    }

    /// The valid point nearest to a continuous vector.
    package func decode(_ v: [Double]) -> DesignPoint {
        let clamped = v.map { min(max($0.isFinite ? $0 : 0, 0), 1) }
        let nt = Self.transformerBounds.count
        let na = Self.acceleratorLists.count
        let t = zip(clamped[0..<nt], Self.transformerBounds).map { $0 * $1 }
        let a = zip(clamped[nt..<(nt + na)], Self.acceleratorLists).map { x, list in
            Double(list[Int((x * Double(list.count - 1)).rounded())])
        }
        func position<T>(_ x: Double, _ list: [T]) -> Int { Int((x * Double(list.count - 1)).rounded()) }
        let taus = clamped[(nt + na)..<(nt + na + 2)]
        var model = try! TransformerSpace.nearest(to: t)
        if decomposes {
            let tail = Array(clamped[(nt + na + 2)...])
            let choice = DecompositionChoice(
                groups: MatrixGroup.allCases.map { g in
                    let x = Array(tail[(g.rawValue * Self.groupLength)..<((g.rawValue + 1) * Self.groupLength)])
                    return GroupDecomposition(
                        cores: GroupDecomposition.coreChoices[position(x[0], GroupDecomposition.coreChoices)],
                        rankIndex: position(x[1], DecompositionSpace.ranks),
                        inputEdgeIndex: position(x[2], GroupDecomposition.edges),
                        outputEdgeIndex: position(x[3], GroupDecomposition.edges))
                })
            // Every shape the choice gives is valid by construction (factors of the widths,
            // ranks clamped to their bonds).
            model = try! choice.apply(to: model)
        }
        return DesignPoint(
            model: model, accelerator: try! AcceleratorConfig.nearest(to: a),
            tauI: DesignPoint.tauIChoices[position(taus.first!, DesignPoint.tauIChoices)],
            tauT: DesignPoint.tauTChoices[position(taus.last!, DesignPoint.tauTChoices)])
    }
}
