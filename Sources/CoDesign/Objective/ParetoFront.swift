/// The non-dominated set over (accuracy up; latency, area, energy down) and its hypervolume
/// (paper Section VI-A names multi-objective search as future work).
package enum ParetoFront {
    /// Objectives as "higher is better" numbers in [0, 1]: accuracy, and 1 - each normalised cost.
    package static func objectives(_ m: PairMeasurement, _ n: Normalizers) -> [Double] {
        func clip(_ x: Double) -> Double { min(max(x, 0), 1) }
        return [
            clip(m.accuracy), 1 - clip(m.latencyMS / n.latencyMS), 1 - clip(m.areaMM2 / n.areaMM2),
            1 - clip(m.energyJ / (n.dynamicEnergyJ + n.leakageEnergyJ)),
        ]
    }

    /// Indices of the points no other point dominates.
    package static func nonDominated(_ points: [[Double]]) -> [Int] {
        points.indices.filter { i in
            !points.indices.contains { j in
                j != i && zip(points[j], points[i]).allSatisfy { $0 >= $1 } && zip(points[j], points[i]).contains { $0 > $1 }
            }
        }
    }

    /// Exact hypervolume dominated by `points` above the origin, by recursive slicing on the
    /// last objective (fine for the few hundred points of a run).
    package static func hypervolume(_ points: [[Double]]) -> Double {
        guard let d = points.first?.count else { return 0 }
        if d == 1 { return points.map { $0[0] }.max() ?? 0 }
        let sorted = points.sorted { $0[d - 1] > $1[d - 1] }
        var volume = 0.0
        for (k, p) in sorted.enumerated() {
            let next = k + 1 < sorted.count ? sorted[k + 1][d - 1] : 0
            let height = p[d - 1] - next
            if height <= 0 { continue }
            let slice = sorted.prefix(k + 1).map { Array($0.prefix(d - 1)) }
            volume += height * hypervolume(nonDominated(slice).map { slice[$0] })
        }
        return volume
    }
}
