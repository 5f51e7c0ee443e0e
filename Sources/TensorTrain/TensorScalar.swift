import CBLAS

/// The element types tensors come in, each with its BLAS matrix product.
package protocol TensorScalar: BinaryFloatingPoint, Sendable {
    /// C[m, n] (+)= op(A) op(B), row-major, op(A) m x k and op(B) k x n.
    static func gemm(
        m: Int, n: Int, k: Int, _ a: [Self], transposeA: Bool, _ b: [Self], transposeB: Bool, into c: inout [Self],
        accumulate: Bool)
}

extension TensorScalar {
    package static func gemm(m: Int, n: Int, k: Int, _ a: [Self], transposeA: Bool, _ b: [Self], transposeB: Bool, into c: inout [Self]) {
        gemm(m: m, n: n, k: k, a, transposeA: transposeA, b, transposeB: transposeB, into: &c, accumulate: false)
    }
}

extension Double: TensorScalar {
    package static func gemm(
        m: Int, n: Int, k: Int, _ a: [Double], transposeA: Bool, _ b: [Double], transposeB: Bool, into c: inout [Double],
        accumulate: Bool
    ) {
        guard m > 0, n > 0 else { return }
        c.withUnsafeMutableBufferPointer { pc in
            cblas_dgemm(
                CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans, Int32(m), Int32(n),
                Int32(k), 1, a, Int32(max(transposeA ? m : k, 1)), b, Int32(max(transposeB ? k : n, 1)), accumulate ? 1 : 0,
                pc.baseAddress, Int32(n))
        }
    }
}

extension Float: TensorScalar {
    package static func gemm(
        m: Int, n: Int, k: Int, _ a: [Float], transposeA: Bool, _ b: [Float], transposeB: Bool, into c: inout [Float],
        accumulate: Bool
    ) {
        guard m > 0, n > 0 else { return }
        c.withUnsafeMutableBufferPointer { pc in
            cblas_sgemm(
                CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans, Int32(m), Int32(n),
                Int32(k), 1, a, Int32(max(transposeA ? m : k, 1)), b, Int32(max(transposeB ? k : n, 1)), accumulate ? 1 : 0,
                pc.baseAddress, Int32(n))
        }
    }
}
