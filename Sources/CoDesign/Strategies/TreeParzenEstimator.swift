import DesignSpace
import Foundation

/// A tree-structured Parzen estimator over the search encoding (every dimension in [0, 1]).
///
/// The observations are split at the `gamma` quantile of performance into a good and a bad
/// set; each set's density is a product over dimensions of a Parzen mixture (a Gaussian per
/// observation, Silverman's bandwidth, plus a uniform prior component of weight 1/(n+1)).
/// Candidates are drawn from the good density and the one with the largest log ratio
/// good/bad is proposed. The encoding is flat (no conditional dimensions), so the "tree" is a
/// single level: dimensions are modelled independently, as in the original TPE.
struct TreeParzenEstimator: Sendable {
    let good: [[Double]]
    let bad: [[Double]]
    let goodBandwidth: [Double]
    let badBandwidth: [Double]

    /// At least `minimumGood` observations go to the good set.
    init(inputs: [[Double]], targets: [Double], gamma: Double = 0.25, minimumGood: Int = 2) {
        let order = targets.indices.sorted { (targets[$0], -$0) > (targets[$1], -$1) }
        let split = min(max(Int((gamma * Double(inputs.count)).rounded(.up)), minimumGood), max(inputs.count - 1, 1))
        good = order.prefix(split).map { inputs[$0] }
        bad = order.dropFirst(split).map { inputs[$0] }
        goodBandwidth = Self.bandwidths(good)
        badBandwidth = Self.bandwidths(bad)
    }

    /// Silverman's rule per dimension, at least 0.05 of the unit range and at most all of it.
    static func bandwidths(_ set: [[Double]]) -> [Double] {
        guard let d = set.first?.count else { return [] }
        let n = Double(set.count)
        return (0..<d).map { i in
            let mean = set.reduce(0) { $0 + $1[i] } / n
            let sd = (set.reduce(0) { $0 + ($1[i] - mean) * ($1[i] - mean) } / n).squareRoot()
            return min(max(1.06 * sd * pow(n, -0.2), 0.05), 1)
        }
    }

    /// Log of the Parzen density of `set` at `x`.
    static func logDensity(_ x: [Double], _ set: [[Double]], _ h: [Double]) -> Double {
        let prior = 1 / Double(set.count + 1)
        var total = 0.0
        for i in x.indices {
            var mix = 0.0
            for c in set {
                let z = (x[i] - c[i]) / h[i]
                mix += Foundation.exp(-0.5 * z * z) / (h[i] * (2 * Double.pi).squareRoot())
            }
            total += Foundation.log(prior + (1 - prior) * mix / Double(max(set.count, 1)))
        }
        return total
    }

    /// log l(x) - log g(x): larger where good points are denser than bad ones.
    func score(_ x: [Double]) -> Double {
        Self.logDensity(x, good, goodBandwidth) - (bad.isEmpty ? 0 : Self.logDensity(x, bad, badBandwidth))
    }

    /// One draw from the good density; `fixed` dimensions keep the chosen centre's value.
    func sample(fixed: Set<Int>, rng: inout SeededGenerator) -> [Double] {
        let centre = good[Int.random(in: 0..<good.count, using: &rng)]
        let prior = 1 / Double(good.count + 1)
        return centre.indices.map { i in
            if fixed.contains(i) { return centre[i] }
            if rng.nextUnit() < prior { return rng.nextUnit() }
            return min(max(centre[i] + goodBandwidth[i] * rng.nextGaussian(), 0), 1)
        }
    }

    /// `count` proposals, each the best of `candidates` draws from the good density by `score`.
    func propose(count: Int, candidates: Int = 24, fixed: Set<Int>, rng: inout SeededGenerator) -> [(x: [Double], score: Double)] {
        (0..<count).map { _ in
            (0..<candidates).map { _ -> (x: [Double], score: Double) in
                let x = sample(fixed: fixed, rng: &rng)
                return (x, score(x))
            }.max { $0.score < $1.score }!
        }
    }
}
