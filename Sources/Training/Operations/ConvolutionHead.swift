import DesignSpace

/// One DSC-k head (paper Section III-B2): a learned pointwise projection h -> d, then a
/// depthwise 1-D convolution over the sequence with a learned kernel of k taps per feature
/// (k x d weights, no bias), zero-padded so the output keeps the sequence length:
/// y[t, c] = sum_j w[j, c] u[t + j - (k - 1)/2, c].
package final class ConvolutionHead: Operation {
    package let inputWidth: Int
    package let outputWidth: Int
    private let sequenceLength: Int
    private let projection: Linear
    package let kernel: Parameter
    private let taps: Int
    private let site: ProductSite
    private let context: ComputeContext
    private var projected: [Float] = []
    private var batch = 0

    package init(
        operation: HeadOperation, hiddenSize: Int, headSize: Int, sequenceLength: Int, layer: Int, index: Int,
        context: ComputeContext, initializer: inout WeightInitializer
    ) {
        taps = operation.kernelSize!
        inputWidth = hiddenSize
        outputWidth = headSize
        self.sequenceLength = sequenceLength
        var own = initializer.split()
        let name = "layer\(layer).\(operation.rawValue).\(index)"
        projection = Linear(
            hiddenSize, headSize, name: name + ".projection",
            site: ProductSite(layer: layer, operation: operation.rawValue + ".projection"),
            context: context, initializer: &own)
        kernel = Parameter(
            name: name + ".kernel", value: own.normal(standardDeviation: (1 / Double(taps)).squareRoot(), count: taps * headSize))
        site = ProductSite(layer: layer, operation: operation.rawValue + ".convolution")
        self.context = context
    }

    package var parameters: [Parameter] { projection.parameters + [kernel] }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        self.batch = batch
        let n = sequenceLength
        let d = outputWidth
        let half = (taps - 1) / 2
        projected = projection.forward(x, batch: batch)
        context.pruneActivations(&projected, at: site)
        context.countWeights(kernel.value, at: site)
        var output = [Float](repeating: 0, count: batch * n * d)
        var macs = 0
        var effectual = 0
        let profiling = context.profiling
        // Unsafe buffers over locals: the inner loop runs batch x N x k x d times.
        kernel.value.withUnsafeBufferPointer { w in
            projected.withUnsafeBufferPointer { u in
                output.withUnsafeMutableBufferPointer { y in
                    for b in 0..<batch {
                        for t in 0..<n {
                            let out = (b * n + t) * d
                            for j in 0..<taps {
                                let s = t + j - half
                                guard s >= 0, s < n else { continue }
                                let inBase = (b * n + s) * d
                                for c in 0..<d { y[out + c] += w[j * d + c] * u[inBase + c] }
                                if profiling {
                                    macs += d
                                    for c in 0..<d where w[j * d + c] != 0 && u[inBase + c] != 0 { effectual += 1 }
                                }
                            }
                        }
                    }
                }
            }
        }
        if context.profiling { context.record(at: site, backward: false, macs: macs, effectual: effectual) }
        return output
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        let n = sequenceLength
        let d = outputWidth
        let half = (taps - 1) / 2
        var g = outputGradient
        context.pruneGradients(&g, at: site)
        var inputGradient = [Float](repeating: 0, count: batch * n * d)
        var kernelGradient = kernel.gradient
        var macs = 0
        var effectual = 0
        let profiling = context.profiling
        kernel.value.withUnsafeBufferPointer { w in
            projected.withUnsafeBufferPointer { u in
                g.withUnsafeBufferPointer { g in
                    inputGradient.withUnsafeMutableBufferPointer { du in
                        kernelGradient.withUnsafeMutableBufferPointer { dw in
                            for b in 0..<batch {
                                for t in 0..<n {
                                    let out = (b * n + t) * d
                                    for j in 0..<taps {
                                        let s = t + j - half
                                        guard s >= 0, s < n else { continue }
                                        let inBase = (b * n + s) * d
                                        for c in 0..<d {
                                            dw[j * d + c] += g[out + c] * u[inBase + c]
                                            du[inBase + c] += g[out + c] * w[j * d + c]
                                        }
                                        if profiling {
                                            // Two products per tap: the kernel gradient and the input gradient.
                                            macs += 2 * d
                                            for c in 0..<d where g[out + c] != 0 {
                                                if u[inBase + c] != 0 { effectual += 1 }
                                                if w[j * d + c] != 0 { effectual += 1 }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        kernel.gradient = kernelGradient
        if context.profiling { context.record(at: site, backward: true, macs: macs, effectual: effectual) }
        context.clearPrunedGradients(&inputGradient, pruned: projected)
        return projection.backward(inputGradient)
    }
}
