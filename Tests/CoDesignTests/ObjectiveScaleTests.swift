import DesignSpace
import Foundation
import ProjectLayout
import Testing

@testable import CoDesign

/// Issue 15, deliverable 1: one declared scale for every seed and run.
@Suite struct ObjectiveScaleTests {
    static func settings(seed: UInt64, scale: ObjectiveScale.Kind = .defaultKind) -> SearchSettings {
        SearchSettings(
            strategy: .random, budget: 8, seed: seed, batchSize: 4, initialSamples: 4, objectiveScale: scale, workload: .inference,
            table: "acceltran-14nm")
    }

    @Test func twoSeedsAreScoredOnTheSameDeclaredScale() throws {
        let e = try evaluator()
        let runs = try [1, 2].map { seed -> (String, SearchRunReport) in
            let dir = temporaryDirectory()
            return (dir, try SearchSession.run(Self.settings(seed: UInt64(seed)), evaluator: e, in: dir, resume: false))
        }
        let headers = try runs.map { try RunDirectory.readHeader($0.0) }
        let file = try ObjectiveScaleFile.load(root: ProjectFiles.root)
        let declared = try file.scale(.defaultKind, workload: .inference)
        #expect(headers[0].scale == declared && headers[1].scale == declared)
        #expect(declared.source.hasPrefix("data/objective-scale.json version \(file.version): "))
        // Every logged performance is the declared scale's, recomputed here from the figures.
        for (_, report) in runs {
            #expect(report.outcome.scale == declared)
            for e in report.outcome.evaluations {
                #expect(abs(e.performance - declared.performance(e.measurement, objective: .paper)) < 1e-12)
            }
        }
        #expect(runs[0].1.outcome.evaluations.map(\.point) != runs[1].1.outcome.evaluations.map(\.point))
    }

    @Test func resumingWithAnotherScaleIsRefusedInOneLine() throws {
        let dir = temporaryDirectory()
        _ = try SearchSession.run(Self.settings(seed: 1, scale: .log), evaluator: try evaluator(scale: .log), in: dir, resume: false)
        let error = CoDesignError.resumeMismatch(field: "objective scale", stored: "log", given: "fixed-max")
        #expect(throws: error) {
            try SearchSession.run(
                Self.settings(seed: 1, scale: .fixedMax), evaluator: try evaluator(scale: .fixedMax), in: dir, resume: true)
        }
        #expect(
            error.description
                == "cannot resume: the run was started with objective scale log, not fixed-max; resume it with its stored settings or start a new run in another directory"
        )
    }

    @Test func aRunJSONWithPerSeedNormalisersIsRefused() throws {
        let dir = temporaryDirectory()
        _ = try SearchSession.run(Self.settings(seed: 1), evaluator: try evaluator(), in: dir, resume: false)
        let path = "\(dir)/run.json"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: #""version" : 2"#, with: #""version" : 1"#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(
            throws: CoDesignError.unreadableRun(
                path: dir,
                reason:
                    "run.json has layout version 1 and this build reads only version 2 (version 1 scored each seed on its own normalisers); start a new run"
            )
        ) { try SearchSession.storedSettings(in: dir) }
    }

    @Test func logTermsSpanTheDeclaredBoundsAndFixedMaxDividesByTheMaximum() {
        let b = ObjectiveScale.Bounds(lower: 0.01, upper: 100)
        let unit = ObjectiveScale.Bounds(lower: 0.5, upper: 1)
        let references = ObjectiveScale.References(
            latencyMS: b, areaMM2: b, dynamicEnergyJ: b, leakageEnergyJ: b, energyJ: b, accuracy: .init(lower: 0.6, upper: 0.8))
        let log = ObjectiveScale(kind: .log, references: references, source: "test")
        #expect(log.cost(0.01, b) == 0 && log.cost(100, b) == 1 && abs(log.cost(1, b) - 0.5) < 1e-12)
        #expect(log.cost(1e-5, b) == 0 && log.cost(1e5, b) == 1)
        #expect(abs(log.accuracyTerm(0.7) - 0.5) < 1e-12)
        let fixed = ObjectiveScale(kind: .fixedMax, references: references, source: "test")
        #expect(fixed.cost(1, b) == 0.01 && fixed.cost(50, unit) == 1 && fixed.accuracyTerm(0.7) == 0.7)
        // The hypervolume's origin is the declared worst point.
        #expect(log.referencePoint == HypervolumeReference(accuracy: 0.6, latencyMS: 100, areaMM2: 100, energyJ: 100))
        #expect(fixed.referencePoint.accuracy == 0)
    }

    @Test func paretoRanksAndSpearman() {
        // Higher is better in both: 0 and 1 are the front, 2 is dominated by 1, 3 by all.
        let points = [[3.0, 1.0], [2.0, 2.0], [1.0, 1.5], [0.5, 0.5]]
        let (layer, dominatedBy) = ScaleRanking.paretoRanks(points)
        #expect(layer == [0, 0, 1, 2])
        #expect(dominatedBy == [0, 0, 1, 3])
        #expect(abs(ScaleRanking.spearman([1, 2, 3, 4], [10, 20, 30, 40]) - 1) < 1e-12)
        #expect(abs(ScaleRanking.spearman([1, 2, 3, 4], [4, 3, 2, 1]) + 1) < 1e-12)
    }

    @Test func eachPlaneHasItsOwnFront() {
        // Cost down, accuracy up: 2 is beaten by 1 in this plane; 3 costs more for less.
        let cost = [1.0, 2.0, 3.0, 4.0, 5.0]
        let accuracy = [0.70, 0.80, 0.75, 0.79, 0.85]
        #expect(ParetoFront.planeFront(cost: cost, accuracy: accuracy) == [0, 1, 4])
    }
}
