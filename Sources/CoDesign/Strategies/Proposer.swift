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

    /// Proposals for the next batch, best first, with the surrogate's predictions; the run
    /// drops duplicates and fills the batch with random points.
    func propose(_ data: [Evaluation], count: Int, iteration: Int) -> [Proposal] {
        var rng = SeededGenerator(seed: settings.seed &+ UInt64(iteration) &* 0x9E37_79B9)
        let x = data.map { PointEncoding.encode($0.point) }
        let y = data.map(\.performance)
        switch settings.strategy {
        case .random:
            return randomPoints(count, rng: &rng).map { Proposal(point: $0, origin: "random") }
        case .gpBO:
            let d = Double(PointEncoding.dimension)
            let gp = [0.25, 0.5, 1.0, 2.0].map { GaussianProcess(inputs: x, targets: y, lengthScale: $0 * d.squareRoot() / 2, noise: 0.05) }
                .max { $0.logMarginalLikelihood(targets: y) < $1.logMarginalLikelihood(targets: y) }!
            return ranked(
                candidatePool(data, rng: &rng), count: count, origin: "gp-ucb", predict: { gp.predict($0) },
                acquisition: { $0.mean + 2 * $0.std })
        case .randomForest:
            let forest = RandomForest(inputs: x, targets: y, seed: rng.next())
            return ranked(
                candidatePool(data, rng: &rng), count: count, origin: "forest-ucb", predict: { forest.predict($0) },
                acquisition: { $0.mean + $0.std })
        case .gbrt:
            let model = GradientBoostedTrees(inputs: x, targets: y, seed: rng.next())
            let explore = max(count / 5, 1)
            // Boosted trees give no uncertainty: their proposals carry a prediction only.
            let greedy = ranked(
                candidatePool(data, rng: &rng), count: count - explore, origin: "gbrt", predict: { (model.predict($0), 0) },
                acquisition: { $0.mean })
            return greedy.map { Proposal(point: $0.point, origin: $0.origin, predicted: $0.predicted) }
                + randomPoints(explore, rng: &rng).map { Proposal(point: $0, origin: "random") }
        case .boshcode:
            return boshcode(data, x: x, y: y, count: count, rng: &rng)
        }
    }

    /// The pool's best `count * 4` by `acquisition` of the surrogate's prediction.
    func ranked(
        _ pool: [[Double]], count: Int, origin: String, predict: ([Double]) -> (mean: Double, std: Double),
        acquisition: ((mean: Double, std: Double)) -> Double
    ) -> [Proposal] {
        pool.map { x -> ([Double], (mean: Double, std: Double), Double) in
            let p = predict(x)
            return (x, p, acquisition(p))
        }
        .sorted { $0.2 > $1.2 }.prefix(count * 4).map {
            Proposal(point: mode.constrain(PointEncoding.decode($0.0)), origin: origin, predicted: $0.1.mean, predictedStd: $0.1.std)
        }
    }

    func boshcode(_ data: [Evaluation], x: [[Double]], y: [Double], count: Int, rng: inout SeededGenerator) -> [Proposal] {
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
        return interleave(out, quotas: [("gobi", gobiCount), ("uncertainty", uncertain), ("diversity", diverse)]).map {
            let p = surrogate.predict(PointEncoding.encode($0.0))
            return Proposal(point: $0.0, origin: $0.1, predicted: p.mean, predictedStd: p.epistemic)
        }
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
