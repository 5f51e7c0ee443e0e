/// Adam (Kingma and Ba) with bias correction; beta1 0.9, beta2 0.999, epsilon 1e-8.
package struct Adam: GradientOptimizer {
    package let learningRate: Float
    private let beta1: Float = 0.9
    private let beta2: Float = 0.999
    private let epsilon: Float = 1e-8
    private var first: [[Float]] = []
    private var second: [[Float]] = []
    private var beta1Power: Float = 1
    private var beta2Power: Float = 1

    package init(learningRate: Float) { self.learningRate = learningRate }

    package mutating func step(_ parameters: [Parameter]) {
        if first.isEmpty {
            first = parameters.map { [Float](repeating: 0, count: $0.value.count) }
            second = first
        }
        beta1Power *= beta1
        beta2Power *= beta2
        let correction1 = 1 - beta1Power
        let correction2 = 1 - beta2Power
        let rate = learningRate * correction2.squareRoot() / correction1
        for (index, parameter) in parameters.enumerated() {
            let g = parameter.gradient
            first[index].withUnsafeMutableBufferPointer { m in
                second[index].withUnsafeMutableBufferPointer { v in
                    parameter.value.withUnsafeMutableBufferPointer { w in
                        for i in 0..<w.count {
                            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                            w[i] -= rate * m[i] / (v[i].squareRoot() + epsilon)
                        }
                    }
                }
            }
        }
    }
}
