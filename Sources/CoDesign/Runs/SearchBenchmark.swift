import DesignSpace
import Foundation

/// Figures for `transcode benchmark search`: evaluation throughput, and how many evaluations
/// BOSHCODE needs to reach the best performance random search finds with its whole budget,
/// counted after the initial random sample both runs share (counting it made "2 evaluations"
/// mean only that random search never improved on that sample).
package enum SearchBenchmark {
    package struct Row: Sendable {
        package let seed: UInt64
        package let randomBest: Double
        package let boshcodeBest: Double
        /// The shared initial random sample both runs start with (the same points, same seed).
        package let initialSamples: Int
        /// Evaluations after the initial sample BOSHCODE needed to reach `randomBest` (0: the
        /// initial sample already held it), nil if it never did.
        package let boshcodeEvaluationsToRandomBest: Int?
        /// Evaluations after the initial sample random search needed to reach its own best.
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
                seed: seed, randomBest: target, boshcodeBest: b.convergence.last!, initialSamples: r.initialSamples,
                boshcodeEvaluationsToRandomBest: b.evaluationsAfterInitialSample(toReach: target),
                randomEvaluationsToItsBest: r.evaluationsAfterInitialSample(toReach: target)!,
                evaluationsPerSecond: Double(r.evaluations.count) / randomTime.seconds)
        }
    }
}
