import CostModel
import DesignSpace
import Elector
import Foundation
import ProjectLayout
import Testing

@testable import CoDesign

/// The tests' evaluator. Unless a test checks re-scored figures, runs re-score in the fast
/// mode: a cycle-level BERT-Base training reference takes most of a minute in a debug build.
func evaluator(
    constraints: [Constraint] = [], rescoringFidelity: SimulationRequest.Fidelity = .fast, scale: ObjectiveScale.Kind = .defaultKind
) throws -> Evaluator {
    var e = Evaluator(
        table: try TableCatalog.load("acceltran-14nm"), accuracy: try AccuracyModel.shipped(root: ProjectFiles.root),
        objective: .paper, constraints: constraints, workload: .inference,
        scale: try ObjectiveScaleFile.load(root: ProjectFiles.root).scale(scale, workload: .inference))
    e.rescoringFidelity = rescoringFidelity
    return e
}

func temporaryDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("transcode-\(UUID())").path
}

@Suite struct SearchRunTests {
    @Test func constraintViolatorsGetPMin() throws {
        let e = try evaluator(constraints: [try Constraint.parse("layers<=6"), try Constraint.parse("area<=100")])
        let b = ObjectiveScale.Bounds(lower: 1e-6, upper: 1)
        let n = ObjectiveScale(
            kind: .fixedMax,
            references: .init(
                latencyMS: b, areaMM2: .init(lower: 1, upper: 1000), dynamicEnergyJ: b, leakageEnergyJ: b, energyJ: b,
                accuracy: .init(lower: 0, upper: 1)),
            source: "test")
        let deep = DesignPoint(
            model: BuiltIns.model(named: "bert-base")!, accelerator: BuiltIns.accelerator(named: "acceltran-edge")!, tauI: 0.01, tauT: 1e-4)
        let m = e.measure(deep)
        #expect(e.violation(m)?.description == "layers<=6.0")
        #expect(e.performance(m, scale: n) == -1)
        let big = DesignPoint(
            model: BuiltIns.model(named: "bert-tiny")!, accelerator: BuiltIns.accelerator(named: "acceltran-server")!, tauI: 0.01,
            tauT: 1e-4)
        #expect(e.violation(e.measure(big))?.description == "area<=100.0")
        let fine = DesignPoint(
            model: BuiltIns.model(named: "bert-tiny")!, accelerator: BuiltIns.accelerator(named: "acceltran-edge")!, tauI: 0.01, tauT: 1e-4)
        let p = e.performance(e.measure(fine), scale: n)
        #expect(p > 0 && p <= 1)
    }

    @Test func constraintAndWeightErrorsAreOneLine() {
        #expect(
            throws: CoDesignError.invalidConstraint(
                text: "depth<=3", reason: "unknown quantity 'depth': use one of layers, area, latency, energy, accuracy")
        ) {
            try Constraint.parse("depth<=3")
        }
        #expect(
            throws: CoDesignError.invalidConstraint(text: "area=3", reason: "expected QUANTITY<=NUMBER or QUANTITY>=NUMBER, e.g. layers<=6")
        ) {
            try Constraint.parse("area=3")
        }
        #expect(throws: CoDesignError.invalidWeights("alpha+beta+gamma+delta+epsilon must be 1, got 1.1")) {
            try Objective.parse("0.2,0.1,0.2,0.1,0.5")
        }
    }

    @Test func resumeAfterAKillGivesTheSameResult() throws {
        let settings = SearchSettings(
            budget: 24, seed: 7, batchSize: 4, initialSamples: 8, boshcode: .tiny, mode: .codesign, workload: .inference,
            table: "acceltran-14nm")
        let run = SearchRun(settings: settings, evaluator: try evaluator())
        let whole = temporaryDirectory()
        let full = try run.run(directory: whole, resume: false)

        // Simulate a kill during iteration 2: the same run stopped after that iteration leaves
        // the surrogate's weights of iteration 2 on disk, as a killed run would; then keep the
        // whole run's header and the first 13 lines of the log, the last of them torn.
        var short = settings
        short.budget = 16
        let killed = temporaryDirectory()
        _ = try SearchRun(settings: short, evaluator: try evaluator()).run(directory: killed, resume: false)
        try FileManager.default.removeItem(atPath: "\(killed)/run.json")
        try FileManager.default.copyItem(atPath: "\(whole)/run.json", toPath: "\(killed)/run.json")
        let lines = try String(contentsOfFile: "\(whole)/evaluations.jsonl", encoding: .utf8).split(separator: "\n")
        let kept = lines.prefix(12).joined(separator: "\n") + "\n" + lines[12].prefix(40)
        try kept.write(toFile: "\(killed)/evaluations.jsonl", atomically: true, encoding: .utf8)

        // The kill came during iteration 2, whose proposals were logged before it ran.
        let proposals = try String(contentsOfFile: "\(whole)/proposals.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(proposals.count == 4)
        try (proposals.prefix(2).joined(separator: "\n") + "\n").write(
            toFile: "\(killed)/proposals.jsonl", atomically: true, encoding: .utf8)

        nonisolated(unsafe) var reusedAtEnd = 0
        nonisolated(unsafe) var replayed = 0
        let resumed = try run.run(directory: killed, resume: true) {
            reusedAtEnd = $0.reused
            replayed = $0.replayedBatches
        }
        #expect(reusedAtEnd == 12)
        // Iterations 1 and 2 came from the proposals log: the surrogate was fitted for 3 and 4
        // only, warm-started from iteration 2's saved weights as in the uninterrupted run.
        #expect(replayed == 2)
        #expect(resumed.evaluations == full.evaluations)
        #expect(resumed.best.evaluation == full.best.evaluation)
        let relog = try RunDirectory.load(killed).1
        #expect(relog.count == 24)
    }

    @Test func resumeRefusesChangedSettingsAndOccupiedDirectories() throws {
        let settings = SearchSettings(
            strategy: .random, budget: 8, seed: 1, batchSize: 4, initialSamples: 4, workload: .inference, table: "acceltran-14nm")
        let dir = temporaryDirectory()
        _ = try SearchRun(settings: settings, evaluator: try evaluator()).run(directory: dir, resume: false)
        var other = settings
        other.seed = 2
        #expect(throws: CoDesignError.resumeMismatch(field: "seed", stored: "1", given: "2")) {
            try SearchRun(settings: other, evaluator: try evaluator()).run(directory: dir, resume: true)
        }
        #expect(throws: CoDesignError.self) {
            try SearchRun(settings: settings, evaluator: try evaluator()).run(directory: dir, resume: false)
        }
    }

    @Test func runsAreDeterministicAndModesHoldTheirFixedPart() throws {
        let server = BuiltIns.accelerator(named: "acceltran-server")!
        let settings = SearchSettings(
            budget: 16, seed: 3, batchSize: 4, initialSamples: 8, boshcode: .tiny, mode: .hardwareAwareNAS(server), workload: .inference,
            table: "acceltran-14nm")
        let a = try SearchRun(settings: settings, evaluator: try evaluator()).run(directory: temporaryDirectory(), resume: false)
        let b = try SearchRun(settings: settings, evaluator: try evaluator()).run(directory: temporaryDirectory(), resume: false)
        #expect(a.evaluations == b.evaluations)
        #expect(a.evaluations.allSatisfy { $0.acceleratorIndex == AcceleratorSpace.index(of: server) })
        #expect(a.convergence.count == 16)
        #expect(zip(a.convergence, a.convergence.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func paretoFrontAndHypervolume() {
        let points = [[0.9, 0.1], [0.5, 0.5], [0.1, 0.9], [0.4, 0.4], [0.5, 0.5]]
        #expect(ParetoFront.nonDominated(points) == [0, 1, 2, 4].filter { $0 != 4 } + [4])
        // Union of three boxes: 0.9*0.1 + 0.5*0.4 + 0.1*0.4 = 0.33.
        #expect(abs(ParetoFront.hypervolume([[0.9, 0.1], [0.5, 0.5], [0.1, 0.9]]) - 0.33) < 1e-12)
        #expect(abs(ParetoFront.hypervolume([[0.5, 0.5, 0.5]]) - 0.125) < 1e-12)
    }
}
