import DesignSpace
import Foundation

/// Figures for `transcode benchmark search`: evaluation throughput, and how many evaluations
/// BOSHCODE needs to reach the best performance random search finds with its whole budget.
public enum SearchBenchmark {
    public struct Row: Sendable {
        public let seed: UInt64
        public let randomBest: Double
        public let boshcodeBest: Double
        /// Evaluations BOSHCODE needed to reach `randomBest`, nil if it never did.
        public let boshcodeEvaluationsToRandomBest: Int?
        public let randomEvaluationsToItsBest: Int
        public let evaluationsPerSecond: Double
    }

    public static func run(settings: SearchSettings, evaluator: Evaluator, seeds: [UInt64], directory: String) throws -> [Row] {
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
