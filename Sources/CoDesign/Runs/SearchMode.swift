import DesignSpace

/// What the search may change.
package enum SearchMode: Sendable, Equatable {
    /// Transformer, accelerator and thresholds together.
    case codesign
    /// Hardware-aware NAS: the accelerator is fixed (e.g. AccelTran-Server).
    case hardwareAwareNAS(AcceleratorConfig)
    /// Accelerator search: the transformer is fixed (e.g. BERT-Base).
    case acceleratorSearch(TransformerModel)

    package var name: String {
        switch self {
        case .codesign: "codesign"
        case .hardwareAwareNAS: "hw-nas"
        case .acceleratorSearch: "accelerator"
        }
    }

    /// Applies the fixed part of the mode to a point.
    package func constrain(_ p: DesignPoint) -> DesignPoint {
        var q = p
        switch self {
        case .codesign: break
        case .hardwareAwareNAS(let a): q.accelerator = a
        case .acceleratorSearch(let m): q.model = m
        }
        return q
    }

    /// A uniformly drawn point that respects the mode; with `decomposes`, its model's matrix
    /// groups are drawn dense or decomposed too (`DecompositionChoice.random`).
    package func randomPoint(decomposes: Bool = false, using rng: inout SeededGenerator) -> DesignPoint {
        var model = TransformerSpace.randomModel(using: &rng)
        let accelerator = try! AcceleratorSpace.config(at: Int.random(in: 0..<AcceleratorSpace.count, using: &rng))
        let tauI = DesignPoint.tauIChoices.randomElement(using: &rng)!
        let tauT = DesignPoint.tauTChoices.randomElement(using: &rng)!
        if decomposes {
            // Valid by construction: shapes factor the widths and ranks are clamped to their bonds.
            model = try! DecompositionChoice.random(using: &rng).apply(to: model)
        }
        return constrain(DesignPoint(model: model, accelerator: accelerator, tauI: tauI, tauT: tauT))
    }
}
