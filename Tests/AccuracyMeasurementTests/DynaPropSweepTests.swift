import AccuracyMeasurement
import DesignSpace
import Elector
import Foundation
import ProjectLayout
import TestSupport
import Testing
import Training

/// The DynaProp sweep on a 2 x 2 grid of a tiny model: its files, resumption and refusals,
/// and the checked-in measured profile.
@Suite struct DynaPropSweepTests {
    private static func plan(tauI: [Double] = [0, 0.05], tauT: [Double] = [0, 0.001]) throws -> DynaPropSweepPlan {
        try DynaPropSweepPlan(
            modelName: "bert-tiny", model: try Catalog.model("bert-tiny"), setting: try MeasurementSetting.named("tiny"), seed: 1,
            tauI: tauI, tauT: tauT, dataset: "synthetic")
    }

    // Two BLAS threads, the trainer's default: the thread count is global to the process, and
    // other suites compare bit-identical runs made meanwhile.
    private static let sweep = DynaPropSweep(dataset: MeasurementTests.Synthetic(), threads: 2, memoryLimit: 1 << 32, commit: nil)

    /// A point finished before a kill is not trained again; the complete grid writes every
    /// figure, and its profile is one the simulator reads.
    @Test func resumeSkipsFinishedPointsAndTheGridWritesEveryFile() throws {
        let dir = try TemporaryDirectory("sweep")
        let folder = DynaPropSweepFolder(dir.path + "/run")
        let plan = try folder.prepare(try Self.plan())
        let finished = try Self.sweep.measure(plan, index: 2)
        #expect(try folder.log.append(finished))
        #expect(throws: AccuracyMeasurementError.sweepIncomplete(path: folder.log.path, done: 1, total: 4)) {
            try DynaPropSweepReport(plan: plan, records: [finished], logPath: folder.log.path, command: "test", dataSet: "synthetic")
        }
        #expect(
            String(describing: AccuracyMeasurementError.sweepIncomplete(path: "d/sweep.jsonl", done: 1, total: 4))
                == "d/sweep.jsonl holds 1 of 4 grid points: rerun `transcode dynaprop sweep` with the same --out to finish it")
        var trained: [Int] = []
        let records = try Self.sweep.run(folder) { record, _, _ in trained.append(record.index) }
        #expect(trained == [0, 1, 3])
        #expect(records.map(\.index) == [0, 1, 2, 3])
        #expect(records[2] == finished)
        // Same seed, same thresholds: the retrained point would be identical.
        #expect(try Self.sweep.measure(plan, index: 2).testAccuracy == finished.testAccuracy)
        for r in records {
            #expect(r.weightRho == 0.5)
            #expect(r.netSparsity == (r.activationRho + r.gradientRho) / 2)
        }
        #expect(records[1].gradientRho > records[0].gradientRho && records[2].activationRho > records[0].activationRho)

        let report = try DynaPropSweepReport(
            plan: plan, records: records, logPath: folder.log.path, command: "transcode dynaprop sweep", dataSet: "synthetic")
        let paths = try report.write(to: folder.path)
        let names = [
            "sweep.csv", "fig7a-accuracy.csv", "fig7a-accuracy.svg", "fig7b-net-sparsity.csv", "fig7b-net-sparsity.svg",
            "fig8-tau-t.csv", "fig8a-accuracy-vs-tau-t.svg", "fig8b-gradient-sparsity-vs-tau-t.svg", "fig9-accuracy-vs-net-sparsity.csv",
            "fig9-accuracy-vs-net-sparsity.svg", "profile.json", "dynaprop-accuracy.json",
        ]
        #expect(paths == names.map { "\(folder.path)/\($0)" })
        for path in paths {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            if path.hasSuffix(".svg") { #expect(text.hasPrefix("<svg") && text.hasSuffix("</svg>\n"), "\(path)") }
            if path.hasSuffix(".csv") { #expect(text.split(separator: "\n").count == 5, "\(path)") }
        }
        let profile = try SparsityProfile.load(path: "\(folder.path)/profile.json")
        #expect(profile.embedding == TransformerSpace.embedding(of: plan.model))
        let setting = try DynaPropSetting(tauI: 0.05, tauT: 0.001, profile: profile)
        #expect(abs(setting.weightSparsity - 0.5) < 1e-12)
        // The grid's point (0.05, 0.001) is record 3; between points it interpolates.
        #expect(abs(setting.gradientSparsity - records[3].gradientRho) < 1e-12)
        #expect(abs(setting.activationSparsity - records[3].activationRho) < 1e-12)
        #expect(abs(try #require(setting.forwardEffectualFraction) - records[3].forwardEffectualFraction) < 1e-12)
        let middle = try DynaPropSetting(tauI: 0.025, tauT: 0.0005, profile: profile)
        #expect(abs(middle.gradientSparsity - records.map(\.gradientRho).reduce(0, +) / 4) < 1e-12)
        // The curves are the means over the other threshold.
        #expect(profile.grid != nil)
        var curves = profile
        curves.grid = nil
        let summary = try DynaPropSetting(tauI: 0.05, tauT: 0.001, profile: curves)
        #expect(abs(summary.gradientSparsity - (records[1].gradientRho + records[3].gradientRho) / 2) < 1e-12)
        // The measured fraction replaces the product of densities.
        #expect(setting.effectualFraction(.gradient, .weight) == setting.backwardEffectualFraction)
        let paper = try DynaPropSetting(tauI: 0.01, tauT: 1e-4, profile: .paperDefault)
        #expect(abs(paper.effectualFraction(.activation, .weight) - 0.25) < 1e-12)
        // The accuracy deltas are in the layout the search's accuracy model reads.
        let deltas = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/dynaprop-accuracy.json")))
        #expect(((deltas as? [String: Any])?["tau_i"] as? [[Double]])?.count == 2)
        // A second run on a complete log trains nothing.
        trained = []
        _ = try Self.sweep.run(folder) { record, _, _ in trained.append(record.index) }
        #expect(trained.isEmpty)
    }

    @Test func badGridsAndFoldersGetOneLine() throws {
        #expect(
            throws: AccuracyMeasurementError.invalidSweep("--tau-i value 2.0 is outside [0, 1]: use thresholds such as 0,0.001,0.01,0.1")
        ) {
            try Self.plan(tauI: [0, 2])
        }
        #expect(throws: AccuracyMeasurementError.invalidSweep("--tau-t values must increase, but 0.0 follows 0.001")) {
            try Self.plan(tauT: [0.001, 0])
        }
        #expect(
            throws: AccuracyMeasurementError.invalidSweep("--tau-i needs at least two thresholds (a curve needs two points), e.g. 0,0.01")
        ) { try Self.plan(tauI: [0.01]) }
        let dir = try TemporaryDirectory("sweep-bad")
        let folder = DynaPropSweepFolder(dir.path + "/run")
        _ = try folder.prepare(try Self.plan())
        #expect(
            throws: AccuracyMeasurementError.planMismatch(
                path: folder.planPath, field: "tau_T", stored: "0.0,0.001", asked: "0.0,0.0001")
        ) { try folder.prepare(try Self.plan(tauT: [0, 0.0001])) }
        let lock = try folder.lockRun()
        defer { close(lock) }
        #expect(throws: AccuracyMeasurementError.locked(path: folder.path, command: "transcode dynaprop sweep")) { try folder.lockRun() }
        #expect(
            String(describing: AccuracyMeasurementError.locked(path: "d", command: "transcode dynaprop sweep"))
                == "d is locked by another `transcode dynaprop sweep`: wait for it or choose another --out")
    }

    /// The checked-in measured profile parses, is the simulator's default for its model, and
    /// was measured with the sweep layout, setting version and space version this build has.
    @Test func checkedInProfileMatchesItsProvenance() throws {
        let directory = "\(ProjectFiles.root)/data/dynaprop-profiles"
        let path = "\(directory)/bert-tiny.json"
        let profile = try SparsityProfile.load(path: path)
        let stored = try JSONDecoder().decode(MeasuredSparsityProfile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        let refresh = "refresh it with `\(stored.provenance.command)` and copy profile.json to \(path)"
        #expect(stored.version == MeasuredSparsityProfile.currentVersion, "\(refresh)")
        #expect(stored.provenance.sweepVersion == DynaPropSweepPlan.currentVersion, "\(refresh)")
        #expect(stored.provenance.setting == (try MeasurementSetting.named(stored.provenance.setting.name)), "\(refresh)")
        #expect(stored.spaceVersion == SpaceVersion.current, "\(refresh)")
        #expect(stored.provenance.commit != nil)
        let bertTiny = try Catalog.model("bert-tiny")
        #expect(profile.embedding == TransformerSpace.embedding(of: bertTiny))
        #expect(try SparsityProfile.measured(for: bertTiny, in: directory)?.path == path)
        // The simulator's default operating point lies on the measured curves.
        _ = try DynaPropSetting(tauI: 0.01, tauT: 1e-4, profile: profile)
    }
}
