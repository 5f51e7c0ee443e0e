import DesignSpace

extension TensorTrainShape {
    /// The shape for a copy of the model whose widths are divided by `divisor` (the reduced
    /// training settings, `TrainingSettings.widthDivisor`): each side's largest factor that
    /// the divisor's prime divides is divided, one prime at a time, keeping every factor at
    /// least 2; ranks are clamped to what the narrower bonds carry. Throws when a side has
    /// no factor left to divide.
    package func narrowed(by divisor: Int, field: String) throws -> TensorTrainShape {
        guard divisor > 1 else { return self }
        func divide(_ factors: [Int], _ side: String) throws -> [Int] {
            var result = factors
            var rest = divisor
            while rest > 1 {
                let p = (2...rest).first { rest % $0 == 0 }!
                guard let i = result.indices.filter({ result[$0] % p == 0 && result[$0] / p >= 2 }).max(by: { result[$0] < result[$1] })
                else {
                    throw TrainingError.invalidSetting(
                        name: "\(field) \(side)", value: "[" + factors.map(String.init).joined(separator: ", ") + "]",
                        allowed: "factors that widths / \(divisor) can divide while each stays at least 2")
                }
                result[i] /= p
                rest /= p
            }
            return result
        }
        let input = try divide(inputFactors, "in")
        let output = try divide(outputFactors, "out")
        let ranks = ranks.enumerated().map { i, r in
            Swift.min(r, TensorTrainShape.maximumRank(inputFactors: input, outputFactors: output, bond: i + 1))
        }
        return try TensorTrainShape(
            inputFactors: input, outputFactors: output, ranks: ranks, rows: input.reduce(1, *), columns: output.reduce(1, *), field: field)
    }
}
