import DesignSpace
import Dispatch
import Foundation

/// Chooses the next design points for one strategy, given all evaluations so far.
struct Proposer {
    let settings: SearchSettings
    let mode: SearchMode
    /// BOSHCODE's surrogate between iterations (nil: every fit starts from fresh weights).
    var memory: SurrogateMemory? = nil

    /// Input dimensions the mode holds fixed.
    var fixedDimensions: Set<Int> {
        let nt = TransformerSpace.embeddingLength
        switch mode {
        case .codesign: return []
        case .hardwareAwareNAS: return Set(nt..<(nt + 13))
        // The fixed model fixes its decomposition as well.
        case .acceleratorSearch: return Set(0..<nt).union((nt + 13 + 2)..<encoding.dimension)
        }
    }

    /// The encoding of the run's points.
    var encoding: PointEncoding { settings.encoding }

    func randomPoints(_ n: Int, rng: inout SeededGenerator) -> [DesignPoint] {
        (0..<n).map { _ in mode.randomPoint(decomposes: encoding.decomposes, using: &rng) }
    }

    /// Random candidates plus perturbations of the best points: the pool the tree and GP
    /// baselines maximise their acquisition over.
    func candidatePool(_ data: [Evaluation], rng: inout SeededGenerator) -> [[Double]] {
        var pool = randomPoints(512, rng: &rng).map(encoding.encode)
        let top = data.sorted { $0.performance > $1.performance }.prefix(8)
        for e in top {
            let base = encoding.encode(e.point)
            for _ in 0..<32 {
                pool.append(
                    base.enumerated().map { i, v in
                        fixedDimensions.contains(i) ? v : min(max(v + 0.08 * rng.nextGaussian(), 0), 1)
                    })
            }
            // HEAT's move: the same pair with its matrices decomposed otherwise. A small step
            // in the encoding seldom changes a core count (dense to two cores is a quarter of
            // the axis), so a good dense pair would otherwise rarely be tried decomposed.
            guard encoding.decomposes, !fixedDimensions.contains(encoding.dimension - 1) else { continue }
            let kept = PointEncoding.dense.dimension
            for _ in 0..<16 {
                let choice = encoding.encode(
                    DesignPoint(
                        model: try! DecompositionChoice.random(using: &rng).apply(to: e.point.model), accelerator: e.point.accelerator,
                        tauI: e.point.tauI, tauT: e.point.tauT))
                pool.append(Array(base[..<kept]) + choice[kept...])
            }
        }
        return pool
    }

    /// Proposals for the next batch, best first, with the surrogate's predictions; the run
    /// drops duplicates and fills the batch with random points.
    func propose(_ data: [Evaluation], count: Int, iteration: Int) -> [Proposal] {
        var rng = SeededGenerator(seed: settings.seed &+ UInt64(iteration) &* 0x9E37_79B9)
        let x = data.map { encoding.encode($0.point) }
        let y = data.map(\.performance)
        switch settings.strategy {
        case .random:
            return randomPoints(count, rng: &rng).map { Proposal(point: $0, origin: "random") }
        case .gpBO:
            let d = Double(encoding.dimension)
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
        case .nsga2:
            let children = NSGA2.children(
                data, encoded: x, populationSize: settings.initialSamples, count: count * 4, fixed: fixedDimensions, rng: &rng)
            return children.map { Proposal(point: mode.constrain(encoding.decode($0)), origin: "nsga2") }
        case .tpe:
            let tpe = TreeParzenEstimator(inputs: x, targets: y)
            // The log density ratio is a score, not a prediction of performance: proposals carry none.
            return tpe.propose(count: count * 4, fixed: fixedDimensions, rng: &rng).sorted { $0.score > $1.score }.map {
                Proposal(point: mode.constrain(encoding.decode($0.x)), origin: "tpe")
            }
        case .boshcode:
            return boshcode(data, x: x, y: y, count: count, iteration: iteration, rng: &rng)
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
            Proposal(point: mode.constrain(encoding.decode($0.0)), origin: origin, predicted: $0.1.mean, predictedStd: $0.1.std)
        }
    }

    /// One BOSHCODE batch. The surrogate is fitted (warm-started from the memory's, when it
    /// holds the previous iteration's); then each query draws its kind: GOBI on the UCB from a
    /// random start (probability 1 - uncertainty - diversity), GOBI on the epistemic term
    /// alone (uncertainty sampling), or a random point of the space (diversity sampling, as in
    /// the authors' code). Once the search has converged (the largest epistemic deviation over
    /// a random sample of the space is below `convergenceThreshold`), the UCB adds the
    /// aleatoric term.
    func boshcode(_ data: [Evaluation], x: [[Double]], y: [Double], count: Int, iteration: Int, rng: inout SeededGenerator)
        -> [Proposal]
    {
        let config = settings.boshcode ?? .standard
        var surrogate =
            memory?.surrogate(after: iteration - 1)
            ?? BOSHCODESurrogate(
                dimension: encoding.dimension, split: TransformerSpace.embeddingLength, config: config, seed: rng.next())
        let clock = ContinuousClock()
        let fitStart = clock.now
        surrogate.fit(inputs: x, targets: y, seed: rng.next())
        let fitSeconds = (clock.now - fitStart).seconds
        let queryStart = clock.now
        defer { memory?.lastTiming = (fitSeconds, (clock.now - queryStart).seconds) }
        memory?.keep(surrogate, iteration: iteration)
        let fitted = surrogate

        let probe = randomPoints(config.probePoints, rng: &rng).map(encoding.encode)
        let largest = probe.map { surrogate.predict($0).epistemic }.max() ?? 0
        let converged = largest < config.convergenceThreshold * surrogate.targetScale
        let ucb: AcquisitionWeights =
            converged ? .converged(config.explorationWeight) : .optimising(config.explorationWeight)

        let kinds = (0..<count).map { _ in
            BOSHCODEQuery.draw(uncertainty: settings.uncertaintyShare, diversity: settings.diversityShare, rng: &rng)
        }
        let starts = randomPoints(count, rng: &rng).map(encoding.encode)
        let seeds = (0..<count).map { _ in rng.next() }
        let fixed = fixedDimensions
        let results = UnsafeMutableBufferPointer<Proposal>.allocate(capacity: count)
        defer { results.deallocate() }
        nonisolated(unsafe) let out = results
        let mode = self.mode
        let encoding = self.encoding
        // Queries are independent given the frozen surrogate: run them on every core.
        DispatchQueue.concurrentPerform(iterations: count) { q in
            let point: DesignPoint
            let origin: String
            switch kinds[q] {
            case .diversity:
                point = encoding.decode(starts[q])
                origin = "diversity"
            case .uncertainty:
                let run = GOBI.optimise(fitted, start: starts[q], fixed: fixed, weights: .uncertainty, seed: seeds[q])
                point = encoding.decode(run.point)
                origin = "uncertainty"
            case .gobi:
                let run = GOBI.optimise(fitted, start: starts[q], fixed: fixed, weights: ucb, seed: seeds[q])
                point = encoding.decode(run.point)
                origin = converged ? "gobi-aleatoric" : "gobi"
            }
            let constrained = mode.constrain(point)
            let p = fitted.predict(encoding.encode(constrained))
            (out.baseAddress! + q).initialize(
                to: Proposal(point: constrained, origin: origin, predicted: p.mean, predictedStd: p.epistemic))
        }
        return Array(results)
    }
}
