import CBLAS

/// The thin SVD A = U diag(s) V^T of a row-major m x n matrix, through LAPACK's `dgesdd`.
package struct SingularValueDecomposition: Sendable {
    /// m x p, row-major, p = min(m, n).
    package let u: [Double]
    /// The p singular values, largest first.
    package let singularValues: [Double]
    /// p x n, row-major.
    package let vt: [Double]
    package let rows: Int
    package let columns: Int

    package init(_ matrix: [Double], rows m: Int, columns n: Int) throws {
        precondition(matrix.count == m * n, "matrix size")
        // LAPACK is column-major: the row-major A is the column-major A^T (n x m). Its SVD
        // A^T = U' S V'^T gives A = V' S U'^T, so U = V' and V^T = U'^T, each read back
        // through the same transposition.
        var a = matrix
        var (rowsT, columnsT) = (Int32(n), Int32(m))
        let p = min(m, n)
        var s = [Double](repeating: 0, count: p)
        var uT = [Double](repeating: 0, count: n * p)  // U' column-major n x p
        var vtT = [Double](repeating: 0, count: p * m)  // V'^T column-major p x m
        var job = Int8(UInt8(ascii: "S"))
        var lda = rowsT
        var ldu = rowsT
        var ldvt = Int32(p)
        var info: Int32 = 0
        var iwork = [Int32](repeating: 0, count: 8 * p)
        var lwork: Int32 = -1
        var query = [Double](repeating: 0, count: 1)
        dgesdd_(&job, &rowsT, &columnsT, &a, &lda, &s, &uT, &ldu, &vtT, &ldvt, &query, &lwork, &iwork, &info)
        lwork = Int32(query[0])
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesdd_(&job, &rowsT, &columnsT, &a, &lda, &s, &uT, &ldu, &vtT, &ldvt, &work, &lwork, &iwork, &info)
        guard info == 0 else { throw TensorTrainError.svdFailed(info: info) }
        // Column-major V'^T (p x m) read as row-major is m x p: that is U. Column-major U'
        // (n x p) read as row-major is p x n: that is V^T.
        u = vtT
        vt = uT
        singularValues = s
        rows = m
        columns = n
    }
}
