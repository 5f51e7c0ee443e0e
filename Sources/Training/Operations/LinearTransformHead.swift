import DesignSpace
import Foundation

/// One linear-transform head (paper Section III-B2): a learned projection h -> d of the
/// layer input, then a fixed, unlearned transform over both the sequence and the head's
/// features.
///
/// - LT-DFT: the real part of the 2-D discrete Fourier transform, as FNet mixes tokens:
///   Re(F_N U F_d) = C_N U C_d - S_N U S_d, with C and S the cosine and sine parts of the
///   DFT matrices.
/// - LT-DCT: the 2-D type-II discrete cosine transform D_N U D_d^T.
///
/// Both are scaled to be orthonormal (1/sqrt(N) and 1/sqrt(d) per dimension) so a head's
/// output has the size of its input, whatever N and d are.
package final class LinearTransformHead: Operation {
    package let inputWidth: Int
    package let outputWidth: Int
    private let sequenceLength: Int
    private let projection: Linear
    /// The transform as a sum of terms A U B: A is N x N, B is d x d (signs folded into A).
    private let terms: [(sequence: [Float], features: [Float])]
    private let site: ProductSite
    private let context: ComputeContext
    private var projected: [Float] = []
    private var batch = 0

    package init(
        operation: HeadOperation, hiddenSize: Int, headSize: Int, sequenceLength: Int, layer: Int, index: Int,
        context: ComputeContext, initializer: inout WeightInitializer
    ) {
        precondition(operation.isLinearTransform)
        inputWidth = hiddenSize
        outputWidth = headSize
        self.sequenceLength = sequenceLength
        var own = initializer.split()
        projection = Linear(
            hiddenSize, headSize, name: "layer\(layer).\(operation.rawValue).\(index).projection",
            site: ProductSite(layer: layer, operation: operation.rawValue + ".projection"), context: context, initializer: &own)
        if operation == .ltDFT {
            let cosN = Self.fourier(sequenceLength, sine: false, sign: 1)
            let sinN = Self.fourier(sequenceLength, sine: true, sign: -1)
            terms = [
                (cosN, Self.fourier(headSize, sine: false, sign: 1)), (sinN, Self.fourier(headSize, sine: true, sign: 1)),
            ]
        } else {
            terms = [(Self.cosine(sequenceLength), Self.transpose(Self.cosine(headSize), headSize))]
        }
        site = ProductSite(layer: layer, operation: operation.rawValue + ".transform")
        self.context = context
    }

    package var parameters: [Parameter] { projection.parameters }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        self.batch = batch
        let n = sequenceLength
        let d = outputWidth
        projected = projection.forward(x, batch: batch)
        context.pruneActivations(&projected, at: site)
        var output = [Float](repeating: 0, count: batch * n * d)
        var right = [Float](repeating: 0, count: batch * n * d)
        for term in terms {
            context.multiply(at: site, m: batch * n, n: d, k: d, projected, lda: d, term.features, ldb: d, into: &right, ldc: d)
            for b in 0..<batch {
                context.multiply(
                    at: site, m: n, n: d, k: n, term.sequence, lda: n, right, b * n * d, ldb: d, into: &output, b * n * d, ldc: d,
                    accumulate: true)
            }
        }
        return output
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        let n = sequenceLength
        let d = outputWidth
        var g = outputGradient
        context.pruneGradients(&g, at: site)
        var inputGradient = [Float](repeating: 0, count: batch * n * d)
        var left = [Float](repeating: 0, count: batch * n * d)
        for term in terms {
            // dU = sum over terms of A^T dY B^T.
            for b in 0..<batch {
                context.multiply(
                    at: site, backward: true, m: n, n: d, k: n, term.sequence, lda: n, transposeA: true, g, b * n * d, ldb: d,
                    into: &left, b * n * d, ldc: d)
            }
            context.multiply(
                at: site, backward: true, m: batch * n, n: d, k: d, left, lda: d, term.features, ldb: d, transposeB: true,
                into: &inputGradient, ldc: d, accumulate: true)
        }
        context.clearPrunedGradients(&inputGradient, pruned: projected)
        return projection.backward(inputGradient)
    }

    /// sign x cos(2 pi j k / size) / sqrt(size) (or sin), a size x size row-major matrix.
    private static func fourier(_ size: Int, sine: Bool, sign: Float) -> [Float] {
        var matrix = [Float](repeating: 0, count: size * size)
        for j in 0..<size {
            for k in 0..<size {
                // Reduce j k mod size first so the angle stays exact for large sizes.
                let angle = 2 * Double.pi * Double((j * k) % size) / Double(size)
                matrix[j * size + k] = sign * Float((sine ? sin(angle) : cos(angle)) / Double(size).squareRoot())
            }
        }
        return matrix
    }

    /// The orthonormal DCT-II matrix: row k, column i is a_k cos(pi (2i + 1) k / (2 size)).
    private static func cosine(_ size: Int) -> [Float] {
        var matrix = [Float](repeating: 0, count: size * size)
        for k in 0..<size {
            let a = (k == 0 ? 1 / Double(size) : 2 / Double(size)).squareRoot()
            for i in 0..<size {
                matrix[k * size + i] = Float(a * cos(Double.pi * Double(2 * i + 1) * Double(k) / Double(2 * size)))
            }
        }
        return matrix
    }

    private static func transpose(_ matrix: [Float], _ size: Int) -> [Float] {
        var result = matrix
        for i in 0..<size { for j in 0..<size { result[j * size + i] = matrix[i * size + j] } }
        return result
    }
}
