import DesignSpace
import Foundation

/// Figures for `transcode benchmark search`: evaluation throughput, and how many evaluations
/// BOSHCODE needs to reach the best performance random search finds with its whole budget.
package enum SearchBenchmark {
    package struct Row: Sendable {
        package let seed: UInt64
        package let randomBest: Double
        package let boshcodeBest: Double
        /// Evaluations BOSHCODE needed to reach `randomBest`, nil if it never did.
        package let boshcodeEvaluationsToRandomBest: Int?
        package let randomEvaluationsToItsBest: Int
        package let evaluationsPerSecond: Double
    }

    package static func run(settings: SearchSettings, evaluator: Evaluator, seeds: [UInt64], directory: String) throws -> [Row] {
        try seeds.map { seed in
            var random = settings
            random.strategy = .random
            random.seed = seed
            var bosh = settings
            bosh.strategy = .boshcode
            bosh.seed = seed
            let clock = ContinuousClock()
            var r: SearchOutcome!
            let randomTime = try clock.measure {
                r = try SearchRun(settings: random, evaluator: evaluator).run(directory: "\(directory)/random-\(seed)", resume: false)
            }
            let b = try SearchRun(settings: bosh, evaluator: evaluator).run(directory: "\(directory)/boshcode-\(seed)", resume: false)
            let target = r.convergence.last!
            return Row(
                seed: seed, randomBest: target, boshcodeBest: b.convergence.last!,
                boshcodeEvaluationsToRandomBest: b.convergence.firstIndex { $0 >= target - 1e-12 }.map { $0 + 1 },
                randomEvaluationsToItsBest: r.convergence.firstIndex { $0 >= target - 1e-12 }! + 1,
                evaluationsPerSecond: Double(r.evaluations.count) / randomTime.seconds)
        }
    }
}
