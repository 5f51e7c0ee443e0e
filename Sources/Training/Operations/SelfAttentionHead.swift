import DesignSpace
import Foundation

/// One self-attention head (paper Section III-B2): H = softmax(SA) V with
/// SA-SDP = Q K^T / sqrt(h) or SA-WMA = Q W_a K^T / sqrt(h), W_a a learned d x d matrix.
///
/// Q, K and V are projections h -> d of the layer input, computed as one h -> 3d product.
/// The scale is 1 / sqrt(h) with h the layer's hidden size, as the paper writes it. The
/// head's output W^o is the layer's shared output projection (`EncoderLayer`).
package final class SelfAttentionHead: Operation {
    package let inputWidth: Int
    package let outputWidth: Int
    private let sequenceLength: Int
    private let projection: Linear
    /// W_a for SA-WMA, nil for SA-SDP.
    package let attentionWeight: Parameter?
    private let scale: Float
    private let site: ProductSite
    private let context: ComputeContext
    private var qkv: [Float] = []
    private var weightedQueries: [Float] = []
    private var probabilities: [Float] = []
    private var prunedProbabilities: [Float] = []
    private var batch = 0

    package init(
        operation: HeadOperation, hiddenSize: Int, headSize: Int, sequenceLength: Int, layer: Int, index: Int,
        context: ComputeContext, initializer: inout WeightInitializer
    ) {
        precondition(operation.isSelfAttention)
        inputWidth = hiddenSize
        outputWidth = headSize
        self.sequenceLength = sequenceLength
        let name = "layer\(layer).\(operation.rawValue).\(index)"
        var own = initializer.split()
        projection = Linear(
            hiddenSize, 3 * headSize, name: name + ".qkv", site: ProductSite(layer: layer, operation: operation.rawValue + ".qkv"),
            context: context, initializer: &own)
        if operation == .saWMA {
            // W_a starts as the identity plus noise, so a WMA head starts close to an SDP one.
            var value = own.normal(standardDeviation: 0.02, count: headSize * headSize)
            for i in 0..<headSize { value[i * headSize + i] += 1 }
            attentionWeight = Parameter(name: name + ".wa", value: value)
        } else {
            attentionWeight = nil
        }
        scale = 1 / Float(hiddenSize).squareRoot()
        site = ProductSite(layer: layer, operation: operation.rawValue + ".attention")
        self.context = context
    }

    package var parameters: [Parameter] { projection.parameters + (attentionWeight.map { [$0] } ?? []) }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        self.batch = batch
        let n = sequenceLength
        let d = outputWidth
        let rows = batch * n
        qkv = projection.forward(x, batch: batch)
        context.pruneActivations(&qkv, at: site)
        if let wa = attentionWeight {
            context.countWeights(wa.value, at: site)
            weightedQueries = [Float](repeating: 0, count: rows * d)
            context.multiply(at: site, m: rows, n: d, k: d, qkv, lda: 3 * d, wa.value, ldb: d, into: &weightedQueries, ldc: d)
            context.pruneActivations(&weightedQueries, at: site)
        }
        var probabilities = [Float](repeating: 0, count: batch * n * n)
        for b in 0..<batch {
            if attentionWeight != nil {
                context.multiply(
                    at: site, m: n, n: n, k: d, weightedQueries, b * n * d, lda: d, qkv, b * n * 3 * d + d, ldb: 3 * d,
                    transposeB: true, into: &probabilities, b * n * n, ldc: n)
            } else {
                context.multiply(
                    at: site, m: n, n: n, k: d, qkv, b * n * 3 * d, lda: 3 * d, qkv, b * n * 3 * d + d, ldb: 3 * d,
                    transposeB: true, into: &probabilities, b * n * n, ldc: n)
            }
        }
        for row in 0..<(batch * n) {
            let base = row * n
            var largest = -Float.infinity
            for j in 0..<n { largest = max(largest, probabilities[base + j] * scale) }
            var sum: Float = 0
            for j in 0..<n {
                let e = exp(probabilities[base + j] * scale - largest)
                probabilities[base + j] = e
                sum += e
            }
            for j in 0..<n { probabilities[base + j] /= sum }
        }
        self.probabilities = probabilities
        var prunedProbabilities = probabilities
        context.pruneActivations(&prunedProbabilities, at: site)
        self.prunedProbabilities = prunedProbabilities
        var output = [Float](repeating: 0, count: rows * d)
        for b in 0..<batch {
            context.multiply(
                at: site, m: n, n: d, k: n, prunedProbabilities, b * n * n, lda: n, qkv, b * n * 3 * d + 2 * d, ldb: 3 * d,
                into: &output, b * n * d, ldc: d)
        }
        return output
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        let n = sequenceLength
        let d = outputWidth
        let rows = batch * n
        var g = outputGradient
        context.pruneGradients(&g, at: site)
        var qkvGradient = [Float](repeating: 0, count: rows * 3 * d)
        var scores = [Float](repeating: 0, count: batch * n * n)
        for b in 0..<batch {
            // dP = dO V^T and dV = P^T dO.
            context.multiply(
                at: site, backward: true, m: n, n: n, k: d, g, b * n * d, lda: d, qkv, b * n * 3 * d + 2 * d, ldb: 3 * d,
                transposeB: true, into: &scores, b * n * n, ldc: n)
            context.multiply(
                at: site, backward: true, m: n, n: d, k: n, prunedProbabilities, b * n * n, lda: n, transposeA: true, g, b * n * d,
                ldb: d, into: &qkvGradient, b * n * 3 * d + 2 * d, ldc: 3 * d)
        }
        context.clearPrunedGradients(&scores, pruned: prunedProbabilities)
        // Softmax: dS = P * (dP - sum_j dP_j P_j), then the 1/sqrt(h) scale.
        let probabilities = probabilities
        for row in 0..<(batch * n) {
            let base = row * n
            var dot: Float = 0
            for j in 0..<n { dot += scores[base + j] * probabilities[base + j] }
            for j in 0..<n { scores[base + j] = probabilities[base + j] * (scores[base + j] - dot) * scale }
        }
        context.pruneGradients(&scores, at: site)
        var queryGradient = [Float](repeating: 0, count: attentionWeight == nil ? 0 : rows * d)
        for b in 0..<batch {
            // dA = dS K and dK = dS^T A, where A is Q (SDP) or Q W_a (WMA).
            if attentionWeight != nil {
                context.multiply(
                    at: site, backward: true, m: n, n: d, k: n, scores, b * n * n, lda: n, qkv, b * n * 3 * d + d, ldb: 3 * d,
                    into: &queryGradient, b * n * d, ldc: d)
                context.multiply(
                    at: site, backward: true, m: n, n: d, k: n, scores, b * n * n, lda: n, transposeA: true, weightedQueries, b * n * d,
                    ldb: d, into: &qkvGradient, b * n * 3 * d + d, ldc: 3 * d)
            } else {
                context.multiply(
                    at: site, backward: true, m: n, n: d, k: n, scores, b * n * n, lda: n, qkv, b * n * 3 * d + d, ldb: 3 * d,
                    into: &qkvGradient, b * n * 3 * d, ldc: 3 * d)
                context.multiply(
                    at: site, backward: true, m: n, n: d, k: n, scores, b * n * n, lda: n, transposeA: true, qkv, b * n * 3 * d,
                    ldb: 3 * d, into: &qkvGradient, b * n * 3 * d + d, ldc: 3 * d)
            }
        }
        if let wa = attentionWeight {
            context.clearPrunedGradients(&queryGradient, pruned: weightedQueries)
            context.pruneGradients(&queryGradient, at: site)
            // dW_a = Q^T d(QW_a) and dQ = d(QW_a) W_a^T.
            context.multiply(
                at: site, backward: true, m: d, n: d, k: rows, qkv, lda: 3 * d, transposeA: true, queryGradient, ldb: d,
                into: &wa.gradient, ldc: d, accumulate: true)
            context.multiply(
                at: site, backward: true, m: rows, n: d, k: d, queryGradient, lda: d, wa.value, ldb: d, transposeB: true,
                into: &qkvGradient, ldc: 3 * d)
        }
        context.clearPrunedGradients(&qkvGradient, pruned: qkv)
        return projection.backward(qkvGradient)
    }
}
