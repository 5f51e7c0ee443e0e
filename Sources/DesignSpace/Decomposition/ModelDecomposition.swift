/// Which weight matrices of a model are held in tensor-train form, and how (HEAT).
///
/// Empty for a dense model, which is every model of the published FlexiBERT 2.0 space: its
/// 37-number embedding stays valid and says nothing about decompositions; the decomposition
/// has its own versioned encoding (`DecompositionSpace`).
public struct ModelDecomposition: Hashable, Sendable {
    /// Per layer (same count as the model's), the decomposed matrices and their shapes.
    public let layers: [[DecomposedMatrix: TensorTrainShape]]

    /// A dense model of `layerCount` layers.
    public static func dense(layerCount: Int) -> ModelDecomposition {
        ModelDecomposition(unchecked: Array(repeating: [:], count: layerCount))
    }

    init(unchecked layers: [[DecomposedMatrix: TensorTrainShape]]) {
        self.layers = layers
    }

    /// Checks every shape against its matrix in `model`'s layers.
    public init(layers: [[DecomposedMatrix: TensorTrainShape]], of model: [TransformerLayer]) throws {
        guard layers.count == model.count else {
            throw DesignSpaceError.invalidValue(
                field: "tt", value: "\(layers.count) entries", allowed: "one object per layer (\(model.count), as l says)")
        }
        for (j, (available, shapes)) in zip(DecomposedMatrix.sized(in: model), layers).enumerated() {
            for (matrix, shape) in shapes.sorted(by: { $0.key < $1.key }) {
                let field = "tt[\(j)].\(matrix.key)"
                let size = try DecomposedMatrix.size(of: matrix, among: available, layer: j, field: field)
                // Re-validate against this layer's widths: a shape made for another matrix
                // may not fit.
                _ = try TensorTrainShape(
                    inputFactors: shape.inputFactors, outputFactors: shape.outputFactors, ranks: shape.ranks, rows: size.rows,
                    columns: size.columns, field: field)
            }
        }
        self.layers = layers
    }

    /// Whether no matrix is decomposed.
    public var isDense: Bool { layers.allSatisfy(\.isEmpty) }

    /// The number of decomposed matrices.
    public var decomposedCount: Int { layers.reduce(0) { $0 + $1.count } }

    /// The shape of `matrix` in layer `j`, nil when it is dense.
    public func shape(layer j: Int, _ matrix: DecomposedMatrix) -> TensorTrainShape? {
        j < layers.count ? layers[j][matrix] : nil
    }
}
