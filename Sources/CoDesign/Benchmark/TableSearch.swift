import DesignSpace

/// One search on a `SearchTable`: evaluations are lookups.
///
/// The initial sample is drawn from the table with a generator seeded by the seed alone, so
/// every strategy starts a seed from the same rows. After it, each batch comes from the
/// strategy's ordinary proposer (`Proposer`, as in `transcode search`), and the table rule
/// applies once, here: **each proposal, in the proposer's order, becomes the table pair nearest
/// to it in the search encoding (`PointEncoding`, Euclidean) among the pairs not yet
/// evaluated**, until the batch is full; a batch still short is filled with random
/// unevaluated pairs. Random search draws unevaluated pairs uniformly from the table.
package enum TableSearch {
    /// What one search did.
    package struct Trace: Sendable {
        /// Table rows in evaluation order.
        package let rows: [Int]
        /// The best performance after each evaluation.
        package let best: [Double]
        /// Hypervolume of the evaluated pairs' 4-D front after `hypervolumeAt[k]` evaluations.
        package let hypervolume: [Double]
    }

    package static func run(
        _ contender: TableContender, table: SearchTable, seed: UInt64, budget: Int, batchSize: Int, initialSamples: Int,
        hypervolumeAt: [Int]
    ) -> Trace {
        let n = table.rows.count
        let budget = min(budget, n)
        var rows: [Int] = []
        var seen = Set<Int>()
        var data: [Evaluation] = []
        func add(_ row: Int, origin: String, proposal: Proposal? = nil) {
            seen.insert(row)
            data.append(table.evaluation(row, sequence: rows.count, origin: origin, proposal: proposal))
            rows.append(row)
        }
        func randomRows(_ count: Int, _ rng: inout SeededGenerator) -> [Int] {
            var picked: [Int] = []
            var local = seen
            while picked.count < count && local.count < n {
                let r = Int.random(in: 0..<n, using: &rng)
                if local.insert(r).inserted { picked.append(r) }
            }
            return picked
        }
        var rng = SeededGenerator(seed: seed)
        for r in randomRows(min(initialSamples, budget), &rng) { add(r, origin: "initial") }

        var proposer: Proposer? = nil
        if case .strategy(let s) = contender, s != .random {
            let settings = SearchSettings(
                strategy: s, budget: budget, seed: seed, batchSize: batchSize, initialSamples: initialSamples,
                objective: table.provenance.objective, objectiveScale: table.provenance.objectiveScale.kind,
                table: table.provenance.hardwareTable)
            proposer = Proposer(settings: settings, mode: .codesign, memory: SurrogateMemory())
        }
        var iteration = 0
        while rows.count < budget {
            iteration += 1
            let count = min(batchSize, budget - rows.count)
            var fill = SeededGenerator(seed: seed &+ UInt64(iteration) &* 0xD6E8_FEB8_6659_FD93)
            var batch = 0
            switch contender {
            case .strategy:
                if let proposer {
                    for p in proposer.propose(data, count: count, iteration: iteration) where batch < count {
                        if let r = table.nearest(to: PointEncoding.dense.encode(p.point), excluding: seen) {
                            add(r, origin: p.origin, proposal: p)
                            batch += 1
                        }
                    }
                }
            case .custom(_, let pick):
                for r in pick(table, rows, count) where batch < count && (0..<n).contains(r) && !seen.contains(r) {
                    add(r, origin: contender.name)
                    batch += 1
                }
            }
            for r in randomRows(count - batch, &fill) { add(r, origin: "random") }
        }

        var best: [Double] = []
        var running = -Double.infinity
        for e in data {
            running = max(running, e.performance)
            best.append(running)
        }
        let hypervolume = hypervolumeAt.map { k -> Double in
            let points = rows.prefix(k).map { table.rows[$0].objectives }
            return ParetoFront.hypervolume(ParetoFront.nonDominated(points).map { points[$0] })
        }
        return Trace(rows: rows, best: best, hypervolume: hypervolume)
    }
}
