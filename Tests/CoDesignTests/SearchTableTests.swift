import DesignSpace
import Foundation
import ProjectLayout
import Testing

@testable import CoDesign

/// A table of `n` random pairs with made-up figures (uniform performance and objectives):
/// the benchmark's statistics need no simulator.
func syntheticTable(_ n: Int, seed: UInt64 = 7) throws -> SearchTable {
    var rng = SeededGenerator(seed: seed)
    var seen = Set<String>()
    var rows: [SearchTable.Row] = []
    while rows.count < n {
        let p = SearchMode.codesign.randomPoint(using: &rng)
        guard seen.insert(p.key).inserted else { continue }
        rows.append(
            SearchTable.Row(
                point: p,
                measurement: PairMeasurement(
                    accuracy: rng.nextUnit(), latencyMS: rng.nextUnit(), areaMM2: rng.nextUnit(), dynamicEnergyJ: rng.nextUnit(),
                    leakageEnergyJ: rng.nextUnit(), layers: p.model.layers.count),
                performance: rng.nextUnit(), objectives: (0..<4).map { _ in rng.nextUnit() }))
    }
    let scale = try ObjectiveScaleFile.load(root: ProjectFiles.root).scale(.log, workload: .training)
    return SearchTable(
        provenance: SearchTable.Provenance(
            command: "test", pairs: n, seed: seed, commit: nil, hardwareTable: "acceltran-14nm", workload: "training",
            accuracySource: "glue", objective: .paper, objectiveScale: scale),
        rows: rows)
}

@Suite struct SearchTableTests {
    @Test func fileRoundTripsAndRefusesATruncatedTable() throws {
        let table = try syntheticTable(30)
        let path = temporaryDirectory() + "/table.csv"
        let written = try table.write(to: path)
        let (read, hash) = try SearchTable.read(path: path)
        #expect(hash == written.hash && read.provenance == table.provenance && read.rows == table.rows)
        #expect(read.encodings == table.encodings)
        // The hash covers the pairs, not the provenance: another commit gives the same hash.
        var other = table.provenance
        other.commit = "0123456789012345678901234567890123456789"
        #expect(try SearchTable(provenance: other, rows: table.rows).write(to: path + ".other").hash == written.hash)
        #expect(try syntheticTable(30, seed: 8).write(to: path + ".seed8").hash != written.hash)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try String(text.split(separator: "\n").dropLast(2).joined(separator: "\n") + "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(
            throws: CoDesignError.unreadableData(path: path, reason: "line 31: 28 pairs, and the provenance says 30 (a truncated file?)")
        ) {
            try SearchTable.read(path: path)
        }
        #expect(throws: CoDesignError.unreadableData(path: path + "x", reason: "no such file")) { try SearchTable.read(path: path + "x") }
    }

    @Test func generatedRowsHoldTheEvaluatorsFigures() throws {
        let e = try evaluator()
        let table = try SearchTable.generate(
            evaluator: e, pairs: 6, seed: 1,
            provenance: SearchTable.Provenance(
                command: "test", pairs: 6, seed: 1, commit: nil, hardwareTable: "acceltran-14nm", workload: "inference",
                accuracySource: "glue", objective: .paper, objectiveScale: e.scale))
        #expect(table.rows.count == 6 && Set(table.rows.map(\.point.key)).count == 6)
        for row in table.rows {
            #expect(row.measurement == e.measure(row.point))
            #expect(row.performance == e.performance(row.measurement) && row.objectives == e.scale.objectives(row.measurement))
        }
    }

    @Test func proposalsBecomeTheNearestUnevaluatedPair() throws {
        let table = try syntheticTable(50)
        let x = PointEncoding.dense.encode(table.rows[5].point)
        #expect(table.nearest(to: x, excluding: []) == 5)
        let second = try #require(table.nearest(to: x, excluding: [5]))
        let distance = { (r: Int) in zip(PointEncoding.dense.encode(table.rows[r].point), x).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) }
        #expect(second != 5 && (0..<50).filter { $0 != 5 }.allSatisfy { distance($0) >= distance(second) - 1e-6 })
        #expect(table.nearest(to: x, excluding: Set(0..<50)) == nil)
    }

    @Test func strategiesStartFromTheSameSampleAndStayOnTheTable() throws {
        let table = try syntheticTable(120)
        let traces = [SearchStrategy.random, .nsga2, .tpe, .gbrt].map {
            TableSearch.run(.strategy($0), table: table, seed: 4, budget: 20, batchSize: 4, initialSamples: 8, hypervolumeAt: [8, 20])
        }
        for t in traces {
            #expect(t.rows.count == 20 && Set(t.rows).count == 20 && t.rows.allSatisfy { (0..<120).contains($0) })
            #expect(Array(t.rows.prefix(8)) == Array(traces[0].rows.prefix(8)))
            #expect(t.best.last == t.rows.map { table.rows[$0].performance }.max())
            #expect(t.hypervolume[0] <= t.hypervolume[1])
        }
    }

    @Test func anOracleBeatsRandomAndTheStatisticsAreComputed() throws {
        let table = try syntheticTable(300)
        let oracle = TableContender.custom(name: "oracle") { table, _, count in
            Array(table.rows.indices.sorted { table.rows[$0].performance > table.rows[$1].performance }.prefix(count + 16))
        }
        let settings = SearchTableBenchmark.Settings(seeds: Array(0..<8), budget: 16, batchSize: 4, initialSamples: 8)
        #expect(settings.checkpoints == [8, 12, 16])
        let result = try SearchTableBenchmark.run(table: table, contenders: [.strategy(.random), oracle], settings: settings)
        #expect(result.curveEvaluations == [8, 12, 16])
        let (random, best) = (result.rows[0], result.rows[1])
        let top = table.rows.map(\.performance).max()!
        #expect(best.finalBest.allSatisfy { $0 == top })
        // The oracle's first pick is the table's best pair: it needs at most one evaluation.
        #expect(best.evaluationsToRandomBest.allSatisfy { $0 != nil && $0! <= 1 } && best.neverReached == 0)
        #expect(random.neverReached == 0)
        let c = try #require(result.comparisons.first)
        #expect(c.first == "random" && c.second == "oracle" && c.medianDifference < 0)
        #expect(try #require(c.test).p < 0.05)
        for row in result.rows {
            #expect(zip(row.best, row.best.dropFirst()).allSatisfy { $0.median <= $1.median })
            #expect(row.hypervolume.allSatisfy { $0.lower <= $0.median && $0.median <= $0.upper && $0.lower >= 0 })
            #expect(zip(row.hypervolumeCurve, row.hypervolumeCurve.dropFirst()).allSatisfy { $0.median <= $1.median })
        }
        #expect(throws: CoDesignError.invalidSetting(name: "strategies", value: "oracle", allowed: "a list that includes random")) {
            try SearchTableBenchmark.run(table: table, contenders: [oracle], settings: settings)
        }
    }

    @Test func manifestRoundTrips() throws {
        let manifest = SearchTableManifest(
            command: "transcode benchmark search-table --pairs 30", file: "t.csv", pairs: 30, seed: 0, commit: nil, bytes: 10,
            hash: "fnv1a64:0123456789abcdef", objectiveScaleSource: "test", seconds: 1.5, cores: 2)
        let path = temporaryDirectory() + "-manifest.json"
        try manifest.write(to: path)
        #expect(try SearchTableManifest.read(path: path) == manifest)
        try "{}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CoDesignError.unreadableData(path: path, reason: "not a search-table manifest")) {
            try SearchTableManifest.read(path: path)
        }
    }

    @Test func quartilesInterpolate() throws {
        let q = try #require(Quartiles([4, 1, 3, 2]))
        #expect(q.lower == 1.75 && q.median == 2.5 && q.upper == 3.25)
        #expect(Quartiles([]) == nil)
    }
}
