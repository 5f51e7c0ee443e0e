import CBLAS

/// A dense tensor whose axes are named by `TensorIndex`, stored row-major in axis order;
/// Double for the decomposition, Float for the trainer. Its methods are inlinable so that
/// the trainer gets them specialised for Float: unspecialised, every element access looks up
/// generic metadata, which made tensor-train training an order of magnitude slower.
package struct LabeledTensor<Scalar: TensorScalar>: Sendable {
    package let indices: [TensorIndex]
    package let sizes: [Int]
    package var values: [Scalar]

    @inlinable
    package init(indices: [TensorIndex], sizes: [Int], values: [Scalar]) {
        precondition(indices.count == sizes.count && sizes.reduce(1, *) == values.count, "tensor size")
        self.indices = indices
        self.sizes = sizes
        self.values = values
    }

    /// The tensor with its axes in `order` (a permutation of `indices`).
    @inlinable
    package func permuted(to order: [TensorIndex]) -> LabeledTensor {
        if order == indices { return self }
        let axes = order.map { indices.firstIndex(of: $0)! }
        let newSizes = axes.map { sizes[$0] }
        var strides = [Int](repeating: 1, count: sizes.count)
        for a in stride(from: sizes.count - 2, through: 0, by: -1) { strides[a] = strides[a + 1] * sizes[a + 1] }
        let sourceStrides = axes.map { strides[$0] }
        var out = [Scalar](repeating: 0, count: values.count)
        var counter = [Int](repeating: 0, count: order.count)
        var source = 0
        for i in 0..<values.count {
            out[i] = values[source]
            // Advance the odometer over the new axes, last fastest.
            var a = order.count - 1
            while a >= 0 {
                counter[a] += 1
                source += sourceStrides[a]
                if counter[a] < newSizes[a] { break }
                source -= sourceStrides[a] * newSizes[a]
                counter[a] = 0
                a -= 1
            }
        }
        return LabeledTensor(indices: order, sizes: newSizes, values: out)
    }

    /// The size of each of `list`'s axes.
    @inlinable
    package func sizes(of list: [TensorIndex]) -> [Int] {
        list.map { sizes[indices.firstIndex(of: $0)!] }
    }

    /// Contracts the indices the two tensors share, as one matrix product (BLAS gemm): the
    /// result's axes are this tensor's free axes, then `other`'s.
    @inlinable
    package func contracted(with other: LabeledTensor) -> LabeledTensor {
        let shared = indices.filter { other.indices.contains($0) }
        let freeLeft = indices.filter { !shared.contains($0) }
        let freeRight = other.indices.filter { !shared.contains($0) }
        let a = permuted(to: freeLeft + shared)
        let b = other.permuted(to: shared + freeRight)
        let leftSizes = sizes(of: freeLeft)
        let rightSizes = other.sizes(of: freeRight)
        let m = leftSizes.reduce(1, *)
        let k = sizes(of: shared).reduce(1, *)
        let n = rightSizes.reduce(1, *)
        var c = [Scalar](repeating: 0, count: m * n)
        Scalar.gemm(m: m, n: n, k: k, a.values, transposeA: false, b.values, transposeB: false, into: &c)
        return LabeledTensor(indices: freeLeft + freeRight, sizes: leftSizes + rightSizes, values: c)
    }
}
