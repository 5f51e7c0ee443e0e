import DesignSpace
import Foundation

/// Figures for `transcode benchmark boshcode`: wall time of one BOSHCODE proposal (a fit of
/// the surrogate and a batch of queries) with a given number of observations, first from
/// fresh weights and then warm-started from the previous proposal's surrogate, as in a run.
package enum BOSHCODEBenchmark {
    package struct Result: Sendable {
        package let observations: Int
        package let batchSize: Int
        /// The first proposal, from fresh weights.
        package let coldSeconds: Double
        /// Each later proposal, warm-started, one more observation batch each time.
        package let warmSeconds: [Double]
        /// Of each proposal, the seconds spent fitting the surrogate and running the queries.
        package let fitSeconds: [Double]
        package let querySeconds: [Double]
        /// Wall time of evaluating the observations (fast mode), for scale.
        package let evaluationSeconds: Double
    }

    package static func run(
        evaluator: Evaluator, observations: Int, batchSize: Int, warmProposals: Int, seed: UInt64,
        config: BOSHCODEConfig = .standard
    ) throws -> Result {
        let settings = SearchSettings(
            strategy: .boshcode, budget: observations + batchSize * (warmProposals + 1), seed: seed, batchSize: batchSize,
            boshcode: config, table: "benchmark")
        let mode = try settings.searchMode
        var rng = SeededGenerator(seed: seed)
        let clock = ContinuousClock()
        var data: [Evaluation] = []
        let evaluationTime = clock.measure {
            data = (0..<observations).map { i in
                evaluator.evaluate(mode.randomPoint(using: &rng), sequence: i, origin: "initial", scale: evaluator.scale)
            }
        }
        let memory = SurrogateMemory()
        let proposer = Proposer(settings: settings, mode: mode, memory: memory)
        var times: [Double] = []
        var fits: [Double] = []
        var queries: [Double] = []
        for iteration in 1...(warmProposals + 1) {
            var batch: [Proposal] = []
            times.append(clock.measure { batch = proposer.propose(data, count: batchSize, iteration: iteration) }.seconds)
            fits.append(memory.lastTiming.fit)
            queries.append(memory.lastTiming.queries)
            for p in batch {
                data.append(
                    evaluator.evaluate(
                        p.point, sequence: data.count, origin: p.origin, scale: evaluator.scale, predicted: p.predicted,
                        predictedStd: p.predictedStd))
            }
        }
        return Result(
            observations: observations, batchSize: batchSize, coldSeconds: times[0], warmSeconds: Array(times.dropFirst()),
            fitSeconds: fits, querySeconds: queries, evaluationSeconds: evaluationTime.seconds)
    }
}
