import DesignSpace
import Dispatch
import Foundation

/// A frozen set of evaluated co-design pairs for benchmarking search strategies
/// (`transcode benchmark search-table`): each row is a pair, its raw figures, its performance
/// and its four Pareto objectives on the recorded objective scale. Strategies run on the
/// table (`TableSearch`), so that an evaluation is a lookup and twenty seeds of every
/// strategy take minutes, not hours.
///
/// The strategies' encodings (`PointEncoding`) are derived from each row's transformer
/// embedding, accelerator index and thresholds, which the file stores; they are computed once
/// when the table is built or read.
package struct SearchTable: Sendable {
    /// Where the table came from: enough to regenerate it and to know what it scores.
    package struct Provenance: Codable, Sendable, Equatable {
        package var format = SearchTable.format
        package var version = SearchTable.version
        /// The command line that generated the table.
        package var command: String
        package var pairs: Int
        package var seed: UInt64
        package var commit: String?
        package var spaceVersion = SpaceVersion.current
        package var hardwareTable: String
        package var workload: String
        package var accuracySource: String
        package var fidelity = "fast"
        package var objective: Objective
        package var objectiveScale: ObjectiveScale

        package init(
            command: String, pairs: Int, seed: UInt64, commit: String?, hardwareTable: String, workload: String, accuracySource: String,
            objective: Objective, objectiveScale: ObjectiveScale
        ) {
            self.command = command
            self.pairs = pairs
            self.seed = seed
            self.commit = commit
            self.hardwareTable = hardwareTable
            self.workload = workload
            self.accuracySource = accuracySource
            self.objective = objective
            self.objectiveScale = objectiveScale
        }

        enum CodingKeys: String, CodingKey {
            case format, version, command, pairs, seed, commit, fidelity, objective
            case spaceVersion = "space_version"
            case hardwareTable = "hardware_table"
            case workload
            case accuracySource = "accuracy_source"
            case objectiveScale = "objective_scale"
        }
    }

    /// One evaluated pair.
    package struct Row: Sendable, Equatable {
        package let point: DesignPoint
        package let measurement: PairMeasurement
        package let performance: Double
        /// `ObjectiveScale.objectives` of the measurement: accuracy and 1 - the latency, area
        /// and energy terms, the hypervolume's coordinates.
        package let objectives: [Double]
    }

    static let format = "transcode-search-table"
    static let version = 1

    package let provenance: Provenance
    package let rows: [Row]
    /// Row-major `PointEncoding` of every row (rows.count x `PointEncoding.dense.dimension`), as
    /// Float: the nearest-pair search scans all of it for each proposal.
    let encodings: [Float]

    package init(provenance: Provenance, rows: [Row]) {
        self.provenance = provenance
        self.rows = rows
        let d = PointEncoding.dense.dimension
        var flat = [Float](repeating: 0, count: rows.count * d)
        flat.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: rows.count) { r in
                for (i, v) in PointEncoding.dense.encode(rows[r].point).enumerated() { out[r * d + i] = Float(v) }
            }
        }
        encodings = flat
    }

    /// Evaluates `pairs` distinct uniformly drawn co-design pairs with `evaluator` (fast mode),
    /// on every core; `progress` gets the number done after each chunk.
    package static func generate(
        evaluator: Evaluator, pairs: Int, seed: UInt64, provenance: Provenance, progress: @Sendable (Int) -> Void = { _ in }
    ) throws -> SearchTable {
        guard pairs >= 1 else { throw CoDesignError.invalidSetting(name: "pairs", value: String(pairs), allowed: "at least 1") }
        var rng = SeededGenerator(seed: seed)
        var seen = Set<String>()
        var points: [DesignPoint] = []
        while points.count < pairs {
            let p = SearchMode.codesign.randomPoint(using: &rng)
            if seen.insert(p.key).inserted { points.append(p) }
        }
        let drawn = points
        let rows = UnsafeMutableBufferPointer<Row?>.allocate(capacity: pairs)
        defer { rows.deallocate() }
        rows.initialize(repeating: nil)
        nonisolated(unsafe) let out = rows
        let scale = evaluator.scale
        let chunk = 1000
        for start in stride(from: 0, to: pairs, by: chunk) {
            let end = min(start + chunk, pairs)
            DispatchQueue.concurrentPerform(iterations: end - start) { k in
                let p = drawn[start + k]
                let m = evaluator.measure(p)
                out[start + k] = Row(point: p, measurement: m, performance: evaluator.performance(m), objectives: scale.objectives(m))
            }
            progress(end)
        }
        return SearchTable(provenance: provenance, rows: rows.map { $0! })
    }

    /// The index of the row nearest to `x` (Euclidean distance in the encoding) among those
    /// `excluded` does not hold; ties go to the lower index. Nil when every row is excluded.
    package func nearest(to x: [Double], excluding excluded: Set<Int>) -> Int? {
        let d = PointEncoding.dense.dimension
        let q = x.map(Float.init)
        var best: (distance: Float, index: Int)? = nil
        encodings.withUnsafeBufferPointer { e in
            for r in 0..<rows.count {
                var s: Float = 0
                let base = r * d
                for i in 0..<d {
                    let t = e[base + i] - q[i]
                    s += t * t
                }
                if best == nil || s < best!.distance, !excluded.contains(r) { best = (s, r) }
            }
        }
        return best?.index
    }

    /// The row as an evaluation (the table holds no constraint violations: it is scored without constraints).
    func evaluation(_ row: Int, sequence: Int, origin: String, proposal: Proposal? = nil) -> Evaluation {
        let r = rows[row]
        return Evaluation(
            sequence: sequence, origin: origin, point: r.point, measurement: r.measurement, performance: r.performance, violated: nil,
            predicted: proposal?.predicted, predictedStd: proposal?.predictedStd)
    }
}
