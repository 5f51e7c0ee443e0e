import DesignSpace
import Foundation
import Testing

@testable import CoDesign

/// Issue 15, deliverables 3 and 5: the files a run writes, the time limit, and a comparison
/// that resumes.
@Suite struct SearchOutputTests {
    static let settings = SearchSettings(
        strategy: .gbrt, budget: 12, seed: 2, batchSize: 4, initialSamples: 4, boshcode: .tiny, workload: .inference,
        table: "acceltran-14nm")

    @Test func trialsSummaryAndFrontAreReadable() throws {
        let dir = temporaryDirectory()
        let report = try SearchSession.run(Self.settings, evaluator: try evaluator(), in: dir, resume: false)
        let o = report.outcome
        let trials = try String(contentsOfFile: report.trialsCSV, encoding: .utf8).split(separator: "\n")
        #expect(trials.count == 13)
        let header = trials[0].split(separator: ",", omittingEmptySubsequences: false)
        #expect(header.prefix(4) == ["sequence", "origin", "layers", "hidden"])
        #expect(header.contains("pe") && header.contains("main_memory") && header.contains("predicted"))
        // Every row has every column; surrogate proposals carry the prediction, initial points none.
        for (k, row) in trials.dropFirst().enumerated() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == header.count)
            let e = o.evaluations[k]
            let predicted = fields[header.firstIndex(of: "predicted")!]
            #expect(predicted.isEmpty == (e.predicted == nil))
            #expect(fields[2] == Substring(String(e.point.model.layers.count)))
            #expect(fields[header.firstIndex(of: "pe")!] == Substring(String(e.point.accelerator.processingElements)))
        }
        #expect(o.evaluations.prefix(4).allSatisfy { $0.predicted == nil })
        #expect(o.evaluations.contains { $0.origin == "gbrt" && $0.predicted != nil })

        let front = try String(contentsOfFile: report.paretoCSV, encoding: .utf8).split(separator: "\n")
        #expect(front.count == o.pareto.count + 1)

        let summary = try JSONDecoder().decode(SearchSummary.self, from: Data(contentsOf: URL(fileURLWithPath: report.summaryJSON)))
        #expect(summary.evaluations == 12 && summary.complete && summary.stoppedBy == "budget")
        #expect(summary.scale == o.scale && summary.hypervolumeReference == o.scale.referencePoint)
        #expect(summary.best.pair?.layers == o.best.evaluation.point.model.layers.count)
        #expect(summary.baselines.map(\.name) == ["BERT-Tiny on AccelTran-Edge", "BERT-Base on AccelTran-Server"])

        // Each plane's own front, drawn as steps: k front points give 2k corners.
        let valid = o.evaluations.filter { $0.violated == nil }
        let plane = ParetoFront.planeFront(cost: valid.map(\.measurement.latencyMS), accuracy: valid.map(\.measurement.accuracy))
        let svg = try String(contentsOfFile: report.paretoPlots[0], encoding: .utf8)
        let steps = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<polyline") && $0.contains("#d62728") })
        let corners = steps.split(separator: "points=\"")[1].split(separator: "\"")[0].split(separator: " ")
        #expect(corners.count == 2 * plane.count)
        // The two reference pairs have different markers, each labelled.
        #expect(svg.contains("&#9632; BERT-Tiny on AccelTran-Edge") && svg.contains("&#9650; BERT-Base on AccelTran-Server"))
        #expect(svg.contains("<rect x=") && svg.contains("<polygon points="))

        // The convergence plot starts at the initial sample's median.
        let median = o.evaluations.prefix(4).map(\.performance).sorted()
        #expect(o.initialMedian == (median[1] + median[2]) / 2)
    }

    @Test func aTimeLimitStopsAfterTheBatchAndTheRunResumes() throws {
        let dir = temporaryDirectory()
        let stopped = try SearchSession.run(Self.settings, evaluator: try evaluator(), in: dir, resume: false, timeLimit: .zero)
        #expect(stopped.outcome.stoppedBy == "time limit")
        #expect(stopped.outcome.evaluations.count == 4)
        #expect(
            try JSONDecoder().decode(SearchSummary.self, from: Data(contentsOf: URL(fileURLWithPath: stopped.summaryJSON))).complete
                == false)
        let resumed = try SearchSession.run(Self.settings, evaluator: try evaluator(), in: dir, resume: true)
        #expect(resumed.outcome.stoppedBy == "budget" && resumed.outcome.evaluations.count == 12)
        let whole = try SearchSession.run(Self.settings, evaluator: try evaluator(), in: temporaryDirectory(), resume: false)
        #expect(resumed.outcome.evaluations == whole.outcome.evaluations)
    }

    @Test func aComparisonStoppedByTheTimeLimitResumesEveryStrategy() throws {
        let dir = temporaryDirectory()
        var settings = Self.settings
        settings.budget = 8
        let stopped = try SearchSession.compare(settings, evaluator: try evaluator(), in: dir, resume: false, timeLimit: .zero)
        #expect(stopped.rows.isEmpty && stopped.pending == SearchStrategy.allCases && !stopped.complete)
        #expect(throws: CoDesignError.runExists(path: dir)) {
            try SearchSession.compare(settings, evaluator: try evaluator(), in: dir, resume: false)
        }
        let stored = try SearchSession.storedComparisonSettings(in: dir)
        let resumed = try SearchSession.compare(stored, evaluator: try evaluator(), in: dir, resume: true)
        #expect(resumed.complete && resumed.rows.map(\.strategy) == SearchStrategy.allCases)
        #expect(resumed.rows.allSatisfy { $0.outcome.evaluations.count == 8 })
        // All strategies share the initial sample.
        let initial = resumed.rows.map { $0.outcome.evaluations.prefix(4).map(\.point) }
        #expect(initial.allSatisfy { $0 == initial[0] })
        var other = stored
        other.seed = 9
        #expect(throws: CoDesignError.resumeMismatch(field: "seed", stored: "2", given: "9")) {
            try SearchSession.compare(other, evaluator: try evaluator(), in: dir, resume: true)
        }
    }
}
