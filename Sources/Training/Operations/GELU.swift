import Foundation

/// The GELU activation between feed-forward layers (tanh form, as BERT uses it).
///
/// tanh(u) is computed as 1 - 2 / (exp(2u) + 1): the same function, but through `expf`,
/// which is several times faster here than glibc's `tanhf`; it saturates correctly to +-1.
package final class GELU: Operation {
    package let inputWidth: Int
    package var outputWidth: Int { inputWidth }
    private var input: [Float] = []
    private static let c = Float((2 / Double.pi).squareRoot())

    package init(width: Int) { inputWidth = width }

    package var parameters: [Parameter] { [] }

    @inline(__always) private static func tanh(_ u: Float) -> Float { 1 - 2 / (exp(2 * u) + 1) }

    package func forward(_ x: [Float], batch: Int) -> [Float] {
        input = x
        return x.map { v in 0.5 * v * (1 + Self.tanh(Self.c * (v + 0.044715 * v * v * v))) }
    }

    package func backward(_ outputGradient: [Float]) -> [Float] {
        let input = input
        var result = [Float](repeating: 0, count: input.count)
        result.withUnsafeMutableBufferPointer { out in
            for i in 0..<out.count {
                let v = input[i]
                let t = Self.tanh(Self.c * (v + 0.044715 * v * v * v))
                let derivative = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * Self.c * (1 + 3 * 0.044715 * v * v)
                out[i] = outputGradient[i] * derivative
            }
        }
        return result
    }
}
