/// The measured DynaProp profile of a training run: rho and the effectual-MAC fraction per
/// operation, per layer and for the whole model, counted over every training step.
package struct DynaPropProfile: Codable, Equatable, Sendable {
    /// One row: a site or a total, with its ratios spelled out for readers of the JSON.
    package struct Entry: Codable, Equatable, Sendable {
        /// Layer index as in `ProductSite`; nil for the model total.
        package let layer: Int?
        /// Operation name; `all` for a layer or model total.
        package let operation: String
        package let weightRho: Double?
        package let activationRho: Double?
        package let gradientRho: Double?
        package let forwardEffectualFraction: Double?
        package let backwardEffectualFraction: Double?
        package let counts: SparsityCounts

        init(layer: Int?, operation: String, counts: SparsityCounts) {
            self.layer = layer
            self.operation = operation
            weightRho = counts.weightRho
            activationRho = counts.activationRho
            gradientRho = counts.gradientRho
            forwardEffectualFraction = counts.forwardEffectualFraction
            backwardEffectualFraction = counts.backwardEffectualFraction
            self.counts = counts
        }
    }

    package let thresholds: DynaPropThresholds
    /// Per operation, in layer then operation order.
    package let operations: [Entry]
    /// Per layer (operation `all`).
    package let layers: [Entry]
    /// The whole model.
    package let total: Entry
    /// The encoder layers alone (1...l, without the input embedding at 0 and the classifier
    /// at l + 1): what the simulator's DynaProp setting describes, and what the static weight
    /// pruning covers.
    package let encoder: Entry

    /// Groups site counts into operation, layer and model rows.
    package init(thresholds: DynaPropThresholds, sites: [ProductSite: SparsityCounts]) {
        self.thresholds = thresholds
        let ordered = sites.keys.sorted()
        operations = ordered.map { Entry(layer: $0.layer, operation: $0.operation, counts: sites[$0]!) }
        var perLayer: [Int: SparsityCounts] = [:]
        var all = SparsityCounts()
        for site in ordered {
            perLayer[site.layer, default: SparsityCounts()].add(sites[site]!)
            all.add(sites[site]!)
        }
        layers = perLayer.keys.sorted().map { Entry(layer: $0, operation: "all", counts: perLayer[$0]!) }
        total = Entry(layer: nil, operation: "all", counts: all)
        // The classifier is the last layer of every network (`ClassifierHead`).
        let classifier = perLayer.keys.max() ?? 0
        var inner = SparsityCounts()
        for (layer, counts) in perLayer where layer != 0 && layer != classifier { inner.add(counts) }
        encoder = Entry(layer: nil, operation: "encoder", counts: inner)
    }
}
