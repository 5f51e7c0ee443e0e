import CoDesign

/// `transcode benchmark search --format json`.
struct SearchBenchmarkRecord: Encodable {
    struct Strategy: Encodable {
        let name: String
        let best: [Quartiles]
        let hypervolume: [Quartiles]
        let finalBest: [Double]
        let evaluationsToRandomBest: [Int?]
        let hypervolumeCurve: [Quartiles]
    }

    struct Comparison: Encodable {
        let first: String
        let second: String
        let medianDifference: Double
        let p: Double?
        let exact: Bool?
    }

    let table: String
    let hash: String
    let seeds: [UInt64]
    let budget: Int
    let batchSize: Int
    let initialSamples: Int
    let checkpoints: [Int]
    let curveEvaluations: [Int]
    let strategies: [Strategy]
    let comparisons: [Comparison]

    init(_ r: SearchTableBenchmark.Result, path: String, hash: String) {
        table = path
        self.hash = hash
        seeds = r.settings.seeds
        budget = r.settings.budget
        batchSize = r.settings.batchSize
        initialSamples = r.settings.initialSamples
        checkpoints = r.settings.checkpoints
        curveEvaluations = r.curveEvaluations
        strategies = r.rows.map {
            Strategy(
                name: $0.name, best: $0.best, hypervolume: $0.hypervolume, finalBest: $0.finalBest,
                evaluationsToRandomBest: $0.evaluationsToRandomBest, hypervolumeCurve: $0.hypervolumeCurve)
        }
        comparisons = r.comparisons.map {
            Comparison(first: $0.first, second: $0.second, medianDifference: $0.medianDifference, p: $0.test?.p, exact: $0.test?.exact)
        }
    }
}
