import DesignSpace

/// One searched transformer-accelerator pair with its DynaProp thresholds.
package struct DesignPoint: Hashable, Sendable {
    package var model: TransformerModel
    package var accelerator: AcceleratorConfig
    package var tauI: Double
    package var tauT: Double

    package init(model: TransformerModel, accelerator: AcceleratorConfig, tauI: Double, tauT: Double) {
        self.model = model
        self.accelerator = accelerator
        self.tauI = tauI
        self.tauT = tauT
    }

    /// DynaProp thresholds the search chooses from; 0 switches pruning off for that pass.
    package static let tauIChoices = [0, 0.0025, 0.005, 0.01, 0.02, 0.04]
    package static let tauTChoices = [0, 1e-5, 3e-5, 1e-4, 3e-4, 1e-3]

    /// A compact, exact record: the transformer embedding, the accelerator index and the taus,
    /// then the decomposition's encoding for a decomposed model (a dense point's key is as it
    /// was before decompositions existed, so older logs resume).
    package var key: String {
        let dense =
            TransformerSpace.embedding(of: model).map(String.init).joined(separator: ",")
            + "|\(AcceleratorSpace.index(of: accelerator))|\(tauI)|\(tauT)"
        guard !model.decomposition.isDense else { return dense }
        // A decomposition outside the frozen encoding (a hand-made model's) is still keyed
        // exactly, by its shapes.
        let tt =
            (try? DecompositionSpace.embedding(of: model)).map { $0.map(String.init).joined(separator: ",") }
            ?? String(describing: model.decomposition)
        return dense + "|tt:" + tt
    }
}
