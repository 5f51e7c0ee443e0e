import DesignSpace
import Foundation
import Testing

@testable import CoDesign

@Suite struct NewBaselineTests {
    @Test func nsga2SortsIntoFrontsAndCrowdsByNeighbourGaps() {
        // Two objectives, higher is better: (1,0), (0,1) and (0.5,0.5) are mutually
        // non-dominated; (0.4,0.4) is dominated only by (0.5,0.5); (0,0) by everything.
        let points: [[Double]] = [[1, 0], [0, 1], [0.5, 0.5], [0.4, 0.4], [0, 0]]
        #expect(NSGA2.fronts(points) == [[0, 1, 2], [3], [4]])
        // On the first front the extremes are infinite; the middle point's neighbours span
        // the whole range of both objectives: 1/1 + 1/1 = 2.
        let d = NSGA2.crowding(points, front: [0, 1, 2])
        #expect(d[0] == .infinity && d[1] == .infinity && d[2] == 2)
        // A middle point nearer one neighbour is more crowded.
        let line: [[Double]] = [[0, 1], [0.1, 0.9], [0.5, 0.5], [1, 0]]
        let c = NSGA2.crowding(line, front: [0, 1, 2, 3])
        #expect(abs(c[1] - 1.0) < 1e-12 && abs(c[2] - 1.8) < 1e-12)
        // Fronts of one or two points keep every member.
        #expect(NSGA2.crowding(points, front: [3]) == [.infinity])
    }

    @Test func nsga2SurvivalPutsViolatorsLastAndTheFirstFrontFirst() {
        func evaluation(_ i: Int, accuracy: Double, latency: Double, violated: String? = nil) -> Evaluation {
            var rng = SeededGenerator(seed: UInt64(i))
            return Evaluation(
                sequence: i, origin: "test", point: SearchMode.codesign.randomPoint(using: &rng),
                measurement: PairMeasurement(
                    accuracy: accuracy, latencyMS: latency, areaMM2: 1, dynamicEnergyJ: 1, leakageEnergyJ: 1, layers: 2),
                performance: 0, violated: violated)
        }
        let data = [
            evaluation(0, accuracy: 0.9, latency: 10, violated: "area<=1"), evaluation(1, accuracy: 0.5, latency: 5),
            evaluation(2, accuracy: 0.8, latency: 1), evaluation(3, accuracy: 0.7, latency: 0.5),
        ]
        // 2 and 3 are non-dominated (3 is faster, 2 more accurate); 2 dominates 1; 0 violates.
        #expect(NSGA2.survivalOrder(data) == [2, 3, 1, 0])
    }

    @Test func tpeProposesFromTheGoodDensity() {
        // Performance falls with the distance from (0.2, 0.2): the best quarter sits near it.
        var rng = SeededGenerator(seed: 1)
        let x = (0..<80).map { _ in [rng.nextUnit(), rng.nextUnit()] }
        let y = x.map { -(($0[0] - 0.2) * ($0[0] - 0.2) + ($0[1] - 0.2) * ($0[1] - 0.2)) }
        let tpe = TreeParzenEstimator(inputs: x, targets: y)
        #expect(tpe.good.count == 20 && tpe.bad.count == 60)
        #expect(tpe.score([0.2, 0.2]) > tpe.score([0.8, 0.8]))
        let proposals = tpe.propose(count: 20, fixed: [], rng: &rng)
        let mean = proposals.map { ($0.x[0] + $0.x[1]) / 2 }.reduce(0, +) / 20
        // Uniform proposals would average 0.5.
        #expect(mean < 0.35)
        // A fixed dimension keeps the good point's value.
        let fixed = tpe.propose(count: 5, fixed: [1], rng: &rng)
        #expect(fixed.allSatisfy { p in tpe.good.contains { $0[1] == p.x[1] } })
    }

    @Test func searchRunsWithTheNewStrategies() throws {
        for strategy in [SearchStrategy.nsga2, .tpe] {
            let settings = SearchSettings(
                strategy: strategy, budget: 16, seed: 2, batchSize: 4, initialSamples: 8, workload: .inference, table: "acceltran-14nm")
            let outcome = try SearchRun(settings: settings, evaluator: try evaluator()).run(directory: temporaryDirectory(), resume: false)
            #expect(outcome.evaluations.count == 16)
            #expect(Set(outcome.evaluations.map(\.point.key)).count == 16)
            #expect(outcome.evaluations.dropFirst(8).contains { $0.origin == strategy.rawValue })
        }
    }
}
