import CostModel
import Elector

/// `transcode objective-scale`: measures a declared random sample of the co-design space for
/// each workload, takes its extremes as the scales' references (`ObjectiveScaleFile`), and
/// measures how each scale ranks a second, independent sample (`ScaleRanking`).
package struct ObjectiveScaleStudy: Sendable {
    /// The file the sample gives (written only when the caller asks).
    package let file: ObjectiveScaleFile
    /// Per workload, in `Workload.allCases` order: each scale's ranking quality.
    package let rankings: [(workload: Workload, rows: [ScaleRanking])]
    /// Size and seed of the ranking sample.
    package let rankSample: Int
    package let rankSeed: UInt64

    /// Measures `sample` points (seed `seed`) for the references, then `rankSample` other
    /// points (seed `rankSeed`) for the rankings, in the fast mode with the shipped accuracy
    /// model and the paper's weights.
    package static func run(
        table tableName: String, root: String, sample: Int, seed: UInt64, rankSample: Int, rankSeed: UInt64, version: Int, command: String
    ) throws -> ObjectiveScaleStudy {
        guard sample >= 2 else { throw CoDesignError.invalidSetting(name: "sample", value: String(sample), allowed: "at least 2") }
        guard rankSample >= 2 else {
            throw CoDesignError.invalidSetting(name: "rank sample", value: String(rankSample), allowed: "at least 2")
        }
        let table = try TableCatalog.load(tableName)
        let accuracy = try AccuracyModel.shipped(root: root)
        let points = ObjectiveScaleFile.samplePoints(sample, seed: seed)
        let rankPoints = ObjectiveScaleFile.samplePoints(rankSample, seed: rankSeed)
        var references: [String: ObjectiveScale.References] = [:]
        var rankMeasurements: [Workload: [PairMeasurement]] = [:]
        for workload in Workload.allCases {
            // The scale is not used for measuring; this one only fills the field.
            let unit = ObjectiveScale.Bounds(lower: 1, upper: 1)
            let placeholder = ObjectiveScale(
                kind: .fixedMax,
                references: .init(
                    latencyMS: unit, areaMM2: unit, dynamicEnergyJ: unit, leakageEnergyJ: unit, energyJ: unit, accuracy: unit),
                source: "")
            let evaluator = Evaluator(
                table: table, accuracy: accuracy, objective: .paper, constraints: [], workload: workload, scale: placeholder)
            references[workload.rawValue] = ObjectiveScaleFile.references(of: ObjectiveScaleFile.measure(points, with: evaluator))
            rankMeasurements[workload] = ObjectiveScaleFile.measure(rankPoints, with: evaluator)
        }
        let file = ObjectiveScaleFile(
            version: version,
            provenance: .init(
                command: command, sample: sample, seed: seed, table: tableName, fidelity: "fast", sequenceLength: 128,
                rule: "lower: the sample's minimum of each figure, upper: its maximum"),
            workloads: references)
        let rankings = try Workload.allCases.map { workload in
            let scales = try ObjectiveScale.Kind.allCases.map { try file.scale($0, workload: workload) }
            return (workload, ScaleRanking.measure(rankMeasurements[workload]!, scales: scales, objective: .paper))
        }
        return ObjectiveScaleStudy(file: file, rankings: rankings, rankSample: rankSample, rankSeed: rankSeed)
    }
}
