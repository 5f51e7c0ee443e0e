import Foundation

/// The GELU activation between feed-forward layers (tanh form, as BERT uses it).
package final class GELU: Operation {
    package let inputWidth: Int
    package var outputWidth: Int { inputWidth }
    private var input: [Float] = []
    private static let c = Float((2 / Double.pi).squareRoot())

    package init(width: Int) { inputWidth = width }

    package var parameters: [Parameter] { [] }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        input = x
        return x.map { v in 0.5 * v * (1 + tanh(Self.c * (v + 0.044715 * v * v * v))) }
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        var result = [Float](repeating: 0, count: input.count)
        for i in input.indices {
            let v = input[i]
            let t = tanh(Self.c * (v + 0.044715 * v * v * v))
            let derivative = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * Self.c * (1 + 3 * 0.044715 * v * v)
            result[i] = outputGradient[i] * derivative
        }
        return result
    }
}
