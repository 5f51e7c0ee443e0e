import Foundation

/// Wilcoxon's signed-rank test on paired samples (two-sided), used to compare strategies
/// seed by seed. Zero differences are dropped (Wilcoxon's convention); tied absolute
/// differences share their average rank. Without ties and with at most `exactLimit`
/// non-zero differences the p-value is exact, from the distribution of W+ over all sign
/// assignments; otherwise it is the normal approximation with the tie-corrected variance
/// (no continuity correction).
package struct WilcoxonSignedRank: Sendable, Equatable {
    /// Sum of the ranks of the positive differences (a - b > 0).
    package let positiveRankSum: Double
    /// Sum of the ranks of the negative differences.
    package let negativeRankSum: Double
    /// Non-zero differences.
    package let count: Int
    package let p: Double
    package let exact: Bool

    package static let exactLimit = 25

    /// The test of `a` against `b`, paired by index; nil when the samples differ in length or
    /// every difference is zero.
    package init?(_ a: [Double], _ b: [Double]) {
        guard a.count == b.count else { return nil }
        let d = zip(a, b).map { $0 - $1 }.filter { $0 != 0 }
        let n = d.count
        guard n > 0 else { return nil }
        let order = d.indices.sorted { abs(d[$0]) < abs(d[$1]) }
        var ranks = [Double](repeating: 0, count: n)
        var tieTerm = 0.0
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n && abs(d[order[end + 1]]) == abs(d[order[start]]) { end += 1 }
            let average = Double(start + end + 2) / 2
            for k in start...end { ranks[order[k]] = average }
            let t = Double(end - start + 1)
            tieTerm += t * t * t - t
            start = end + 1
        }
        let plus = zip(d, ranks).filter { $0.0 > 0 }.map(\.1).reduce(0, +)
        let total = Double(n * (n + 1)) / 2
        positiveRankSum = plus
        negativeRankSum = total - plus
        count = n
        if tieTerm == 0 && n <= Self.exactLimit {
            exact = true
            p = Self.exactP(statistic: Int(min(plus, total - plus).rounded()), n: n)
        } else {
            exact = false
            let mean = total / 2
            let variance = Double(n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48
            p = variance > 0 ? erfc(abs(plus - mean) / variance.squareRoot() / 2.0.squareRoot()) : 1
        }
    }

    /// Two-sided exact p: twice the probability that W+ is at most `statistic` (the smaller
    /// rank sum), counting the sign assignments of ranks 1...n by their positive sum.
    static func exactP(statistic: Int, n: Int) -> Double {
        let maxSum = n * (n + 1) / 2
        var ways = [Double](repeating: 0, count: maxSum + 1)
        ways[0] = 1
        for r in 1...n {
            for s in stride(from: maxSum, through: r, by: -1) { ways[s] += ways[s - r] }
        }
        let below = ways[0...statistic].reduce(0, +)
        return min(1, 2 * below / pow(2, Double(n)))
    }
}
