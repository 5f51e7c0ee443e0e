/// The non-dominated set over (accuracy up; latency, area, energy down) and its hypervolume
/// (paper Section VI-A names multi-objective search as future work). The points are
/// `ObjectiveScale.objectives`: "higher is better" numbers in [0, 1] whose origin is the
/// scale's declared reference point.
package enum ParetoFront {
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

    /// Indices of the pairs on the front of one plane: least `cost`, most `accuracy`, ordered by
    /// increasing cost (so accuracy increases too). Equal pairs keep the first.
    package static func planeFront(cost: [Double], accuracy: [Double]) -> [Int] {
        let order = cost.indices.sorted { (cost[$0], -accuracy[$0], $0) < (cost[$1], -accuracy[$1], $1) }
        var front: [Int] = []
        var best = -Double.infinity
        for i in order where accuracy[i] > best {
            front.append(i)
            best = accuracy[i]
        }
        return front
    }
}
