import CBLAS

/// Row-major float32 matrix products through OpenBLAS's `cblas_sgemm`.
///
/// Every dense product of the trainer goes through `multiply`, so one place decides the
/// BLAS call and its threading.
package enum MatrixProduct {
    /// Pins OpenBLAS to `threads` threads. OpenBLAS splits a product's output among its
    /// threads and never its inner dimension, so a fixed count gives bit-identical results.
    package static func setThreads(_ threads: Int) {
        openblas_set_num_threads(Int32(threads))
    }

    /// C = op(A) op(B) (+ C when `accumulate`), where op(A) is m x k and op(B) is k x n.
    ///
    /// Each operand is an array, an offset into it and a leading dimension (the row stride of
    /// the stored, untransposed matrix), so heads can read and write column slices in place.
    static func multiply(
        m: Int, n: Int, k: Int,
        _ a: [Float], _ aOffset: Int = 0, lda: Int, transposeA: Bool = false,
        _ b: [Float], _ bOffset: Int = 0, ldb: Int, transposeB: Bool = false,
        into c: inout [Float], _ cOffset: Int = 0, ldc: Int, accumulate: Bool = false
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate {
                for row in 0..<m { for column in 0..<n { c[cOffset + row * ldc + column] = 0 } }
            }
            return
        }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    cblas_sgemm(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1, pa.baseAddress! + aOffset, Int32(lda),
                        pb.baseAddress! + bOffset, Int32(ldb), accumulate ? 1 : 0, pc.baseAddress! + cOffset, Int32(ldc))
                }
            }
        }
    }
}
