import Reports

/// How well a scalar objective ranks designs the way the multi-objective order does, measured
/// on a sample of evaluated pairs (issue 15: which scale to make the default).
///
/// Method: over the sample, each pair's Pareto rank (its layer in non-dominated sorting, 0 for
/// the front) and its dominated count (how many pairs dominate it) are computed on the five raw
/// figures the objective weighs (accuracy up; latency, area, dynamic and leakage energy down).
/// Dominance does not depend on any scale. A scale ranks designs well when its performance
/// falls as the Pareto rank and the dominated count rise: the Spearman correlations of
/// performance with minus each are reported (1: the same order). Also reported: the share of
/// the top 5% by performance that lies on the sample's Pareto front.
package struct ScaleRanking: Sendable, Equatable {
    package let kind: ObjectiveScale.Kind
    package let spearmanWithParetoRank: Double
    package let spearmanWithDominatedCount: Double
    package let topShareOnFront: Double

    /// Ranks of `measurements` under every scale of `file` for one workload.
    package static func measure(_ measurements: [PairMeasurement], scales: [ObjectiveScale], objective: Objective) -> [ScaleRanking] {
        let figures = measurements.map {
            [$0.accuracy, -$0.latencyMS, -$0.areaMM2, -$0.dynamicEnergyJ, -$0.leakageEnergyJ]
        }
        let (layer, dominatedBy) = paretoRanks(figures)
        return scales.map { scale in
            let p = measurements.map { scale.performance($0, objective: objective) }
            let top = Array(p.indices.sorted { p[$0] > p[$1] }.prefix(max(p.count / 20, 1)))
            return ScaleRanking(
                kind: scale.kind, spearmanWithParetoRank: spearman(p, layer.map { -Double($0) }),
                spearmanWithDominatedCount: spearman(p, dominatedBy.map { -Double($0) }),
                topShareOnFront: Double(top.filter { layer[$0] == 0 }.count) / Double(top.count))
        }
    }

    /// Each point's non-dominated-sorting layer and the number of points that dominate it
    /// (higher is better in every coordinate).
    static func paretoRanks(_ points: [[Double]]) -> (layer: [Int], dominatedBy: [Int]) {
        let n = points.count
        var dominates = [[Int]](repeating: [], count: n)
        var count = [Int](repeating: 0, count: n)
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let a = points[i]
                let b = points[j]
                var aBetter = false
                var bBetter = false
                for k in 0..<a.count {
                    if a[k] > b[k] { aBetter = true } else if a[k] < b[k] { bBetter = true }
                }
                if aBetter && !bBetter {
                    dominates[i].append(j)
                    count[j] += 1
                } else if bBetter && !aBetter {
                    dominates[j].append(i)
                    count[i] += 1
                }
            }
        }
        let dominatedBy = count
        var layer = [Int](repeating: 0, count: n)
        var current = (0..<n).filter { count[$0] == 0 }
        var depth = 0
        while !current.isEmpty {
            var next: [Int] = []
            for i in current {
                layer[i] = depth
                for j in dominates[i] {
                    count[j] -= 1
                    if count[j] == 0 { next.append(j) }
                }
            }
            current = next
            depth += 1
        }
        return (layer, dominatedBy)
    }

    /// Spearman's rank correlation (`Reports.RankCorrelation`), 0 where it is undefined (a
    /// constant list: a scale that ties every design ranks nothing).
    static func spearman(_ a: [Double], _ b: [Double]) -> Double { RankCorrelation.spearman(a, b) ?? 0 }
}
