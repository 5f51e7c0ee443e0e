/// What one forward step computes for given sizes: its kind and the dense values it loads
/// from main memory (weights, embeddings, the stored transform matrix).
struct RecipeShape {
    let kind: MappedOperation.Kind
    let load: Int

    /// Dense values of the result: the matmul's B x m x n, the softmax's or layer-norm's
    /// rows x columns, the element-wise operation's elements.
    var outputValues: Int {
        switch kind {
        case .matmul(let batch, let m, _, let n, _, _, _, _): batch * m * n
        case .softmax(let rows, let columns), .layerNorm(let rows, let columns): rows * columns
        case .elementwise(let elements, _, _): elements
        case .factored(let batch, let products, let pass): products.outputValues(pass, batch: batch)
        }
    }
}
