import CBLAS

/// A dense tensor whose axes are named by `TensorIndex`, stored row-major in axis order;
/// Double for the decomposition, Float for the trainer. The element loops run over plain
/// index arrays (`gatherIndices`) and each method is specialised for both types: generic
/// element access looks up metadata per value, which made tensor-train training an order of
/// magnitude slower.
package struct LabeledTensor<Scalar: TensorScalar>: Sendable {
    package let indices: [TensorIndex]
    package let sizes: [Int]
    package var values: [Scalar]

    package init(indices: [TensorIndex], sizes: [Int], values: [Scalar]) {
        precondition(indices.count == sizes.count && sizes.reduce(1, *) == values.count, "tensor size")
        self.indices = indices
        self.sizes = sizes
        self.values = values
    }

    /// The tensor with its axes in `order` (a permutation of `indices`).
    @_specialize(exported:true,where Scalar == Float)
    @_specialize(exported:true,where Scalar == Double)
    package func permuted(to order: [TensorIndex]) -> LabeledTensor {
        if order == indices { return self }
        let axes = order.map { indices.firstIndex(of: $0)! }
        let newSizes = axes.map { sizes[$0] }
        var strides = [Int](repeating: 1, count: sizes.count)
        for a in stride(from: sizes.count - 2, through: 0, by: -1) { strides[a] = strides[a + 1] * sizes[a + 1] }
        let gather = PermutationIndex.gather(sourceStrides: axes.map { strides[$0] }, sizes: newSizes, count: values.count)
        let out = values.withUnsafeBufferPointer { v in gather.map { v[$0] } }
        return LabeledTensor(indices: order, sizes: newSizes, values: out)
    }

    /// The size of each of `list`'s axes.
    package func sizes(of list: [TensorIndex]) -> [Int] {
        list.map { sizes[indices.firstIndex(of: $0)!] }
    }

    /// Contracts the indices the two tensors share, as one matrix product (BLAS gemm): the
    /// result's axes are this tensor's free axes, then `other`'s.
    @_specialize(exported:true,where Scalar == Float)
    @_specialize(exported:true,where Scalar == Double)
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
