/// Stochastic gradient descent with heavy-ball momentum 0.9: v = 0.9 v + g; w -= lr v.
package struct SGD: GradientOptimizer {
    package let learningRate: Float
    private let momentum: Float = 0.9
    private var velocity: [[Float]] = []

    package init(learningRate: Float) { self.learningRate = learningRate }

    package mutating func step(_ parameters: [Parameter]) {
        if velocity.isEmpty { velocity = parameters.map { [Float](repeating: 0, count: $0.value.count) } }
        for (index, parameter) in parameters.enumerated() {
            let g = parameter.gradient
            velocity[index].withUnsafeMutableBufferPointer { v in
                parameter.value.withUnsafeMutableBufferPointer { w in
                    for i in 0..<w.count {
                        v[i] = momentum * v[i] + g[i]
                        w[i] -= learningRate * v[i]
                    }
                }
            }
        }
    }
}
