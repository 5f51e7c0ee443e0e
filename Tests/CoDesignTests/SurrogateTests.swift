import DesignSpace
import Foundation
import ProjectLayout
import Testing

@testable import CoDesign

/// A known smooth function of the normalised input.
func synthetic(_ x: [Double]) -> Double {
    0.5 * sin(3 * x[0]) + 0.3 * x[1] * x[1] - 0.2 * x[2] + 0.1 * cos(5 * x[3])
}

func randomInputs(_ n: Int, dimension d: Int, seed: UInt64) -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return (0..<n).map { _ in (0..<d).map { _ in rng.nextUnit() } }
}

/// Small networks and short schedules: the tests check behaviour, in a debug build.
let testConfig = BOSHCODEConfig(hidden: 8, maxEpochs: 120, patience: 12, teacherSamples: 6, gobiSteps: 60, probePoints: 16)

@Suite struct SurrogateTests {
    @Test func boshcodeSurrogateErrorFallsAsDataGrows() {
        let test = randomInputs(100, dimension: 6, seed: 99)
        func error(_ n: Int) -> Double {
            let x = randomInputs(n, dimension: 6, seed: 5)
            let s = BOSHCODESurrogate(inputs: x, targets: x.map(synthetic), config: testConfig, seed: 1)
            return test.map { abs(s.predict($0).mean - synthetic($0)) }.reduce(0, +) / Double(test.count)
        }
        let small = error(12)
        let large = error(160)
        #expect(large < small * 0.7, "error with 12 points \(small), with 160 points \(large)")
        #expect(large < 0.12)
    }

    @Test func theAcquisitionGradientMatchesFiniteDifferences() {
        // Checks the hand-written backward passes of the NPN (moment-matched ReLUs, weight
        // variances) and of the student through both towers.
        let x = randomInputs(40, dimension: 6, seed: 31)
        let s = BOSHCODESurrogate(inputs: x, targets: x.map(synthetic), config: .tiny, seed: 4)
        let weights = AcquisitionWeights(mean: 1, epistemic: 0.7, aleatoric: 0.4)
        for point in randomInputs(5, dimension: 6, seed: 32) {
            let analytic = s.acquisition(point, weights: weights).gradient
            for i in 0..<6 {
                var up = point
                var down = point
                up[i] += 1e-5
                down[i] -= 1e-5
                let numeric =
                    (s.acquisition(up, weights: weights).value - s.acquisition(down, weights: weights).value) / 2e-5
                #expect(abs(numeric - analytic[i]) < 1e-4 * max(1, abs(numeric)), "dimension \(i): \(numeric) against \(analytic[i])")
            }
        }
    }

    @Test func theNPNParameterGradientMatchesFiniteDifferences() {
        var rng = SeededGenerator(seed: 41)
        var net = TwoTowerNPN(inputs: 5, split: 2, hidden: 4, rng: &rng)
        let x = randomInputs(1, dimension: 5, seed: 42)[0]
        // A loss touching both outputs: mean + 3 variance.
        func loss(_ n: TwoTowerNPN) -> Double {
            let t = n.forward(x)
            return t.mean + 3 * t.variance
        }
        let analytic = net.backward(net.forward(x), dMean: 1, dVariance: 3).parameters
        let base = net.parameters
        for array in [0, 2, 9, 11] {
            for k in [0, base[array].count - 1] {
                var p = base
                p[array][k] += 1e-6
                net.parameters = p
                let up = loss(net)
                p[array][k] -= 2e-6
                net.parameters = p
                let down = loss(net)
                net.parameters = base
                let numeric = (up - down) / 2e-6
                #expect(abs(numeric - analytic[array][k]) < 1e-5 * max(1, abs(numeric)), "array \(array) entry \(k)")
            }
        }
    }

    @Test func epistemicUncertaintyIsHigherAwayFromTheData() {
        // Data only in the lower half of every dimension.
        let x = randomInputs(96, dimension: 4, seed: 3).map { $0.map { $0 * 0.5 } }
        let s = BOSHCODESurrogate(inputs: x, targets: x.map(synthetic), config: testConfig, seed: 2)
        let inside = x.prefix(20).map { s.predict($0).epistemic }.reduce(0, +)
        let outside = randomInputs(20, dimension: 4, seed: 4).map { s.predict($0.map { 0.9 + 0.1 * $0 }).epistemic }.reduce(0, +)
        #expect(outside > inside)
    }

    @Test func gobiRaisesThePredictionAndStaysInTheSpace() {
        let x = randomInputs(64, dimension: 6, seed: 8)
        let s = BOSHCODESurrogate(inputs: x, targets: x.map(synthetic), config: testConfig, seed: 3)
        let starts = randomInputs(6, dimension: 6, seed: 12)
        let runs = starts.enumerated().map { k, start in
            GOBI.optimise(s, start: start, fixed: [], weights: .init(mean: 1, epistemic: 0, aleatoric: 0), seed: UInt64(k))
        }
        for (run, start) in zip(runs, starts) {
            #expect(s.predict(run.point).mean >= s.predict(start).mean - 1e-12)
            // Projection: inside [0, 1] and inside the trust region around the start.
            #expect(run.point.allSatisfy { (0...1).contains($0) })
            #expect(zip(run.point, start).allSatisfy { abs($0 - $1) <= testConfig.trustRadius + 1e-12 })
        }
        #expect(runs.contains { s.predict($0.point).mean > s.predict(starts[0]).mean + 1e-3 || $0.end > $0.start + 1e-3 })
        // Fixed dimensions do not move.
        let held = GOBI.optimise(s, start: starts[0], fixed: [0, 1, 2], weights: .optimising(0.5), seed: 9).point
        #expect(Array(held.prefix(3)) == Array(starts[0].prefix(3)))
    }

    @Test func queryKindsFollowTheirProbabilities() {
        var rng = SeededGenerator(seed: 77)
        var counts: [BOSHCODEQuery: Int] = [:]
        let n = 20_000
        for _ in 0..<n { counts[BOSHCODEQuery.draw(uncertainty: 0.1, diversity: 0.1, rng: &rng), default: 0] += 1 }
        // Binomial standard deviations are 0.0028 (GOBI) and 0.0021: these bounds are 4 of them.
        #expect(abs(Double(counts[.gobi, default: 0]) / Double(n) - 0.8) < 0.012)
        #expect(abs(Double(counts[.uncertainty, default: 0]) / Double(n) - 0.1) < 0.009)
        #expect(abs(Double(counts[.diversity, default: 0]) / Double(n) - 0.1) < 0.009)
        // The defaults of a run are the published ones.
        let settings = SearchSettings(table: "t")
        #expect(settings.uncertaintyShare == 0.1 && settings.diversityShare == 0.1)
    }

    @Test func boshcodeBeatsItsInitialSampleOnAKnownFunction() {
        // synthetic's maximum on [0, 1]^4 is 0.9 (x0 = pi / 6, x1 = 1, x2 = 0, x3 = 0).
        var x = randomInputs(16, dimension: 4, seed: 51)
        var y = x.map(synthetic)
        let initialBest = y.max()!
        var surrogate = BOSHCODESurrogate(dimension: 4, split: 2, config: testConfig, seed: 6)
        var rng = SeededGenerator(seed: 52)
        for iteration in 0..<6 {
            surrogate.fit(inputs: x, targets: y, seed: UInt64(iteration))
            for q in 0..<4 {
                let start = (0..<4).map { _ in rng.nextUnit() }
                let run = GOBI.optimise(surrogate, start: start, fixed: [], weights: .optimising(0.5), seed: UInt64(10 * iteration + q))
                x.append(run.point)
                y.append(synthetic(run.point))
            }
        }
        #expect(y.max()! > initialBest + 0.02, "initial best \(initialBest), after BOSHCODE \(y.max()!)")
    }

    @Test func treeAndGPBaselinesLearnTheFunction() {
        let x = randomInputs(200, dimension: 4, seed: 21)
        let y = x.map(synthetic)
        let test = randomInputs(100, dimension: 4, seed: 22)
        let spread = test.map { abs(synthetic($0)) }.reduce(0, +) / 100
        let forest = RandomForest(inputs: x, targets: y, seed: 1)
        let boosted = GradientBoostedTrees(inputs: x, targets: y, seed: 1)
        let gp = GaussianProcess(inputs: x, targets: y, lengthScale: 0.5, noise: 0.01)
        for (name, predict) in [
            ("forest", { forest.predict($0).mean }), ("gbrt", { boosted.predict($0) }), ("gp", { gp.predict($0).mean }),
        ] as [(String, ([Double]) -> Double)] {
            let error = test.map { abs(predict($0) - synthetic($0)) }.reduce(0, +) / 100
            #expect(error < 0.5 * spread, "\(name): error \(error) against spread \(spread)")
        }
    }

    @Test func snappingAlwaysGivesValidPoints() throws {
        var rng = SeededGenerator(seed: 17)
        for _ in 0..<300 {
            let v = (0..<PointEncoding.dense.dimension).map { _ in rng.nextUnit() * 1.4 - 0.2 }
            let p = PointEncoding.dense.decode(v)
            #expect(try TransformerSpace.model(embedding: TransformerSpace.embedding(of: p.model)) == p.model)
            #expect(try AcceleratorSpace.config(at: AcceleratorSpace.index(of: p.accelerator)) == p.accelerator)
            #expect(DesignPoint.tauIChoices.contains(p.tauI) && DesignPoint.tauTChoices.contains(p.tauT))
            // Encoding a snapped point and decoding it again changes nothing.
            #expect(PointEncoding.dense.decode(PointEncoding.dense.encode(p)) == p)
        }
    }

    @Test func theLeaveOneOutErrorIsReportedAndSmall() throws {
        let predictor = try GLUEPredictor.load(path: ProjectFiles.path("reference/flexibert2-glue.json"))
        #expect(predictor.measurements == 13)
        // GLUE scores of the 13 span 0.70 to 0.84; predicting their mean would err by about 0.04.
        #expect(predictor.leaveOneOutError < 0.04)
    }
}
