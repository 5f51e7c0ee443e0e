/// The weighted performance measure of the paper (Section III-C):
/// P = alpha (1 - latency) + beta (1 - area) + gamma (1 - dynamic energy)
///   + delta (1 - leakage energy) + epsilon accuracy,
/// each hardware figure placed on [0, 1] by the run's declared `ObjectiveScale` (the paper divides
/// by the maximum; `log` places the logarithm between declared bounds), clipped to [0, 1].
package struct Objective: Sendable, Equatable, Codable {
    package var alpha: Double
    package var beta: Double
    package var gamma: Double
    package var delta: Double
    package var epsilon: Double

    /// The paper's weights (Section IV-C).
    package static let paper = try! Objective(alpha: 0.1, beta: 0.1, gamma: 0.2, delta: 0.1, epsilon: 0.5)

    /// Performance given to invalid points and constraint violators (paper Section IV-C).
    package static let minimumPerformance = -1.0

    package init(alpha: Double, beta: Double, gamma: Double, delta: Double, epsilon: Double) throws {
        let all = [alpha, beta, gamma, delta, epsilon]
        guard all.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw CoDesignError.invalidWeights("every weight must be a number >= 0")
        }
        guard abs(all.reduce(0, +) - 1) < 1e-6 else {
            throw CoDesignError.invalidWeights("alpha+beta+gamma+delta+epsilon must be 1, got \(all.reduce(0, +))")
        }
        (self.alpha, self.beta, self.gamma, self.delta, self.epsilon) = (alpha, beta, gamma, delta, epsilon)
    }

    /// "a,b,g,d,e".
    package static func parse(_ text: String) throws -> Objective {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 5, parts.allSatisfy({ $0 != nil }) else {
            throw CoDesignError.invalidWeights(
                "expected five numbers alpha,beta,gamma,delta,epsilon, e.g. 0.1,0.1,0.2,0.1,0.5; got '\(text)'")
        }
        return try Objective(alpha: parts[0]!, beta: parts[1]!, gamma: parts[2]!, delta: parts[3]!, epsilon: parts[4]!)
    }

    /// The performance of figures already placed on [0, 1] (costs: 0 best; accuracy: 1 best).
    package func performance(latency: Double, area: Double, dynamicEnergy: Double, leakageEnergy: Double, accuracy: Double) -> Double {
        func clip(_ x: Double) -> Double { min(max(x, 0), 1) }
        return alpha * (1 - clip(latency)) + beta * (1 - clip(area)) + gamma * (1 - clip(dynamicEnergy))
            + delta * (1 - clip(leakageEnergy)) + epsilon * clip(accuracy)
    }
}
