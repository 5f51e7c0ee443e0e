import DesignSpace
import Foundation

/// Chooses the next design points for one strategy, given all evaluations so far.
struct Proposer {
    let settings: SearchSettings
    let mode: SearchMode

    /// Input dimensions the mode holds fixed.
    var fixedDimensions: Set<Int> {
        let nt = TransformerSpace.embeddingLength
        switch mode {
        case .codesign: return []
        case .hardwareAwareNAS: return Set(nt..<(nt + 13))
        case .acceleratorSearch: return Set(0..<nt)
        }
    }

    func randomPoints(_ n: Int, rng: inout SeededGenerator) -> [DesignPoint] {
        (0..<n).map { _ in mode.randomPoint(using: &rng) }
    }

    /// Random candidates plus perturbations of the best points: the pool the tree and GP
    /// baselines maximise their acquisition over.
    func candidatePool(_ data: [Evaluation], rng: inout SeededGenerator) -> [[Double]] {
        var pool = randomPoints(512, rng: &rng).map(PointEncoding.encode)
        let top = data.sorted { $0.performance > $1.performance }.prefix(8)
        for e in top {
            let base = PointEncoding.encode(e.point)
            for _ in 0..<32 {
                pool.append(
                    base.enumerated().map { i, v in
                        fixedDimensions.contains(i) ? v : min(max(v + 0.08 * rng.nextGaussian(), 0), 1)
                    })
            }
        }
        return pool
    }

    func propose(_ data: [Evaluation], count: Int, iteration: Int) -> [(DesignPoint, String)] {
        var rng = SeededGenerator(seed: settings.seed &+ UInt64(iteration) &* 0x9E37_79B9)
        let x = data.map { PointEncoding.encode($0.point) }
        let y = data.map(\.performance)
        switch settings.strategy {
        case .random:
            return randomPoints(count, rng: &rng).map { ($0, "random") }
        case .gpBO:
            let d = Double(PointEncoding.dimension)
            let gp = [0.25, 0.5, 1.0, 2.0].map { GaussianProcess(inputs: x, targets: y, lengthScale: $0 * d.squareRoot() / 2, noise: 0.05) }
                .max { $0.logMarginalLikelihood(targets: y) < $1.logMarginalLikelihood(targets: y) }!
            return ranked(candidatePool(data, rng: &rng), count: count, origin: "gp-ucb") {
                let p = gp.predict($0)
                return p.mean + 2 * p.std
            }
        case .randomForest:
            let forest = RandomForest(inputs: x, targets: y, seed: rng.next())
            return ranked(candidatePool(data, rng: &rng), count: count, origin: "forest-ucb") {
                let p = forest.predict($0)
                return p.mean + p.std
            }
        case .gbrt:
            let model = GradientBoostedTrees(inputs: x, targets: y, seed: rng.next())
            let explore = max(count / 5, 1)
            return ranked(candidatePool(data, rng: &rng), count: count - explore, origin: "gbrt") { model.predict($0) }
                + randomPoints(explore, rng: &rng).map { ($0, "random") }
        case .boshcode:
            return boshcode(data, x: x, y: y, count: count, rng: &rng)
        }
    }

    func ranked(_ pool: [[Double]], count: Int, origin: String, score: ([Double]) -> Double) -> [(DesignPoint, String)] {
        pool.map { ($0, score($0)) }.sorted { $0.1 > $1.1 }.prefix(count * 4).map { (mode.constrain(PointEncoding.decode($0.0)), origin) }
    }

    func boshcode(_ data: [Evaluation], x: [[Double]], y: [Double], count: Int, rng: inout SeededGenerator) -> [(DesignPoint, String)] {
        let surrogate = BOSHCODESurrogate(inputs: x, targets: y, seed: rng.next())
        let uncertain = Int((Double(count) * settings.uncertaintyShare).rounded())
        let diverse = Int((Double(count) * settings.diversityShare).rounded())
        let gobiCount = max(count - uncertain - diverse, 0)
        var out: [(DesignPoint, String)] = []

        // GOBI from the best points found so far (jittered) and from random points.
        let top = data.sorted { $0.performance > $1.performance }.prefix(max(2 * gobiCount, 2)).map { PointEncoding.encode($0.point) }
        var starts = top
        for v in top {
            starts.append(v.enumerated().map { i, e in fixedDimensions.contains(i) ? e : min(max(e + 0.05 * rng.nextGaussian(), 0), 1) })
        }
        starts += randomPoints(max(gobiCount / 2, 1), rng: &rng).map(PointEncoding.encode)
        let optimised = GOBI.optimise(surrogate, starts: starts, fixed: fixedDimensions).sorted { $0.end > $1.end }
        out += optimised.map { (mode.constrain(PointEncoding.decode($0.point)), "gobi") }.prefix(gobiCount * 3)

        // Uncertainty sampling: the candidates the student is least sure about.
        let pool = randomPoints(256, rng: &rng)
        out += pool.map { ($0, surrogate.predict(PointEncoding.encode($0)).epistemic) }.sorted { $0.1 > $1.1 }
            .prefix(uncertain * 3).map { ($0.0, "uncertainty") }

        // Diversity sampling: random points farthest from everything evaluated.
        func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
            var sum = 0.0
            for i in 0..<a.count { sum += (a[i] - b[i]) * (a[i] - b[i]) }
            return sum
        }
        let far = randomPoints(64, rng: &rng).map { p -> (DesignPoint, Double) in
            let v = PointEncoding.encode(p)
            let nearest: Double = x.map { squaredDistance($0, v) }.min() ?? 0
            return (p, nearest)
        }.sorted { $0.1 > $1.1 }
        out += far.prefix(diverse * 3).map { ($0.0, "diversity") }
        // Keep the GOBI, uncertainty and diversity quotas; the run removes duplicates.
        return interleave(out, quotas: [("gobi", gobiCount), ("uncertainty", uncertain), ("diversity", diverse)])
    }

    /// Orders proposals so that each origin's quota comes first, then the spares.
    func interleave(_ items: [(DesignPoint, String)], quotas: [(String, Int)]) -> [(DesignPoint, String)] {
        var first: [(DesignPoint, String)] = []
        var rest: [(DesignPoint, String)] = []
        for (origin, quota) in quotas {
            let mine = items.filter { $0.1 == origin }
            first += mine.prefix(quota)
            rest += mine.dropFirst(quota)
        }
        return first + rest
    }
}
