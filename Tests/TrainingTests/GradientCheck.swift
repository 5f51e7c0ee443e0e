import DesignSpace
import Training

/// Central finite differences against an operation's backward pass.
///
/// The probe loss is L = sum_i r_i y_i with fixed random r, accumulated in double precision;
/// each checked entry is perturbed by +-1e-2 in float32. An analytic gradient a passes
/// against the numeric one g when |a - g| <= 2e-3 + 2e-2 |g|: well above float32 rounding
/// (about 1e-5 here) and the O(eps^2) truncation error of smooth operations, well below the
/// error of a wrong term.
struct GradientCheck {
    static let step: Float = 1e-2

    /// The largest violation found: (what, analytic, numeric), or nil when all pass.
    static func worst(
        _ operation: any Operation, input: [Float], batch: Int, inputIndices: [Int]? = nil, samplesPerParameter: Int = 12,
        seed: UInt64 = 7
    ) -> (String, Double, Double)? {
        var generator = SeededGenerator(seed: seed)
        let output = operation.forward(input, batch: batch)
        let probe = (0..<output.count).map { _ in Float(generator.nextGaussian()) }
        for parameter in operation.parameters { parameter.zeroGradient() }
        let inputGradient = operation.backward(probe)
        func loss(_ x: [Float]) -> Double {
            zip(operation.forward(x, batch: batch), probe).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
        var failures: [(String, Double, Double)] = []
        func compare(_ what: String, _ analytic: Float, _ numeric: Double) {
            let error = abs(Double(analytic) - numeric)
            if error > 2e-3 + 2e-2 * abs(numeric) { failures.append((what, Double(analytic), numeric)) }
        }
        var x = input
        for i in inputIndices ?? Array(input.indices) {
            let saved = x[i]
            x[i] = saved + step
            let plus = loss(x)
            x[i] = saved - step
            let minus = loss(x)
            x[i] = saved
            compare("input[\(i)]", inputGradient[i], (plus - minus) / (2 * Double(step)))
        }
        for parameter in operation.parameters {
            let analytic = parameter.gradient
            let count = parameter.value.count
            let indices =
                count <= samplesPerParameter
                ? Array(0..<count) : (0..<samplesPerParameter).map { _ in Int(generator.next() % UInt64(count)) }
            for i in indices {
                let saved = parameter.value[i]
                parameter.value[i] = saved + step
                let plus = loss(input)
                parameter.value[i] = saved - step
                let minus = loss(input)
                parameter.value[i] = saved
                compare("\(parameter.name)[\(i)]", analytic[i], (plus - minus) / (2 * Double(step)))
            }
        }
        return failures.max { abs($0.1 - $0.2) < abs($1.1 - $1.2) }
    }

    /// Normal values, seeded.
    static func values(_ count: Int, seed: UInt64, scale: Double = 1) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float(generator.nextGaussian() * scale) }
    }
}
