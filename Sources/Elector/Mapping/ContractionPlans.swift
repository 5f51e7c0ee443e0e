import DesignSpace
import TensorTrain

/// The contraction path of every tensor-train matrix of a model, chosen once per
/// simulation (HEAT's hardware-aware contraction): per layer, the matrix products each
/// decomposed matrix runs as.
package struct ContractionPlans: Sendable, Hashable {
    /// Per encoder layer, the products of each decomposed matrix.
    package let layers: [[DecomposedMatrix: FactoredProducts]]

    /// No decomposed matrix.
    package static let none = ContractionPlans(layers: [])

    package init(layers: [[DecomposedMatrix: FactoredProducts]]) {
        self.layers = layers
    }

    /// The cheapest sequential path of each decomposed matrix of `model` under `cost` (a
    /// product's cost for a batch of sequences of `sequenceLength` tokens).
    package init(model: TransformerModel, sequenceLength: Int, cost: (ContractionStep) -> Double) {
        guard !model.decomposition.isDense else {
            self = .none
            return
        }
        let search = ContractionPathSearch(trees: .sequential)
        layers = model.decomposition.layers.map { shapes in
            shapes.mapValues { FactoredProducts(search.best(ContractionShape(tensorTrain: $0, rows: sequenceLength), cost: cost)) }
        }
    }

    /// The MAC-optimal path of each decomposed matrix (no accelerator in view).
    package static func fewestMACs(_ model: TransformerModel, sequenceLength: Int) -> ContractionPlans {
        ContractionPlans(model: model, sequenceLength: sequenceLength) { Double($0.macs) }
    }

    /// The products of `matrix` in encoder layer `j` (0-based), nil when it is dense.
    func products(layer j: Int, _ matrix: DecomposedMatrix) -> FactoredProducts? {
        j < layers.count ? layers[j][matrix] : nil
    }
}
