/// Layer normalisation over each row, with a learned scale and shift.
package final class LayerNorm: Operation {
    package let inputWidth: Int
    package var outputWidth: Int { inputWidth }
    package let scale: Parameter
    package let shift: Parameter
    private static let epsilon: Float = 1e-5
    private var normalized: [Float] = []
    private var inverseDeviation: [Float] = []

    package init(width: Int, name: String) {
        inputWidth = width
        scale = Parameter(name: name + ".scale", value: [Float](repeating: 1, count: width))
        shift = Parameter(name: name + ".shift", value: [Float](repeating: 0, count: width))
    }

    package var parameters: [Parameter] { [scale, shift] }

    // Hot loops read locals and unsafe buffers: class properties would cost a dynamic
    // exclusivity check per element.
    package func forward(_ x: [Float], batch: Int) -> [Float] {
        let width = inputWidth
        let rows = x.count / width
        let gamma = scale.value
        let beta = shift.value
        var normalized = [Float](repeating: 0, count: x.count)
        var inverseDeviation = [Float](repeating: 0, count: rows)
        var output = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { x in
            normalized.withUnsafeMutableBufferPointer { normalized in
                output.withUnsafeMutableBufferPointer { output in
                    for row in 0..<rows {
                        let base = row * width
                        var mean: Float = 0
                        for i in 0..<width { mean += x[base + i] }
                        mean /= Float(width)
                        var variance: Float = 0
                        for i in 0..<width {
                            let centered = x[base + i] - mean
                            variance += centered * centered
                        }
                        let inverse = 1 / (variance / Float(width) + Self.epsilon).squareRoot()
                        inverseDeviation[row] = inverse
                        for i in 0..<width {
                            let value = (x[base + i] - mean) * inverse
                            normalized[base + i] = value
                            output[base + i] = value * gamma[i] + beta[i]
                        }
                    }
                }
            }
        }
        self.normalized = normalized
        self.inverseDeviation = inverseDeviation
        return output
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        let width = inputWidth
        let rows = outputGradient.count / width
        let gamma = scale.value
        let normalized = normalized
        var scaleGradient = scale.gradient
        var shiftGradient = shift.gradient
        var inputGradient = [Float](repeating: 0, count: outputGradient.count)
        var scaled = [Float](repeating: 0, count: width)
        for row in 0..<rows {
            let base = row * width
            var meanScaled: Float = 0
            var meanProduct: Float = 0
            for i in 0..<width {
                let g = outputGradient[base + i]
                scaleGradient[i] += g * normalized[base + i]
                shiftGradient[i] += g
                scaled[i] = g * gamma[i]
                meanScaled += scaled[i]
                meanProduct += scaled[i] * normalized[base + i]
            }
            meanScaled /= Float(width)
            meanProduct /= Float(width)
            let inverse = inverseDeviation[row]
            for i in 0..<width {
                inputGradient[base + i] = inverse * (scaled[i] - meanScaled - normalized[base + i] * meanProduct)
            }
        }
        scale.gradient = scaleGradient
        shift.gradient = shiftGradient
        return inputGradient
    }
}
