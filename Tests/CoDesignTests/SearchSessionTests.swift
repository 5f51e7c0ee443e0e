import DesignSpace
import Foundation
import Testing

@testable import CoDesign

/// The run directory as `SearchSession` writes it, and records of other space versions.
@Suite struct SearchSessionTests {
    static let settings = SearchSettings(
        strategy: .random, budget: 8, seed: 1, batchSize: 4, initialSamples: 4, boshcode: .tiny, workload: .inference,
        table: "acceltran-14nm")

    @Test func aRunWritesEveryFileItsReportNames() throws {
        let dir = temporaryDirectory()
        let report = try SearchSession.run(Self.settings, evaluator: try evaluator(), in: dir, resume: false)
        let files =
            [
                report.evaluationsFile, report.settingsFile, report.proposalsFile, report.bestModelFile, report.bestAcceleratorFile,
                report.summaryJSON, report.trialsCSV, report.convergenceCSV, report.convergencePlot, report.paretoCSV,
            ] + report.paretoPlots
        #expect(files.count == 13)
        for file in files { #expect(FileManager.default.fileExists(atPath: file), "\(file)") }
        #expect(report.paretoPlots == ["latency", "area", "energy"].map { "\(dir)/pareto-\($0).svg" })
        // The best pair's files decode to the best evaluation's point.
        let best = report.outcome.best.evaluation.point
        #expect(try ModelDict.parse(Data(contentsOf: URL(fileURLWithPath: report.bestModelFile)), source: "best") == best.model)
        #expect(try SearchSession.storedSettings(in: dir) == Self.settings)
        // Every record says which encodings it is written in.
        let log = try String(contentsOfFile: report.evaluationsFile, encoding: .utf8).split(separator: "\n")
        #expect(log.count == 8 && log.allSatisfy { $0.contains(#""space_version":1"#) })
        #expect(try String(contentsOfFile: report.settingsFile, encoding: .utf8).contains(#""space_version" : 1"#))
        #expect(throws: CoDesignError.runExists(path: dir)) {
            try SearchSession.run(Self.settings, evaluator: try evaluator(), in: dir, resume: false)
        }
    }

    @Test func recordsOfAnotherSpaceVersionAreRefusedNamingTheFile() throws {
        let dir = temporaryDirectory()
        _ = try SearchSession.run(Self.settings, evaluator: try evaluator(), in: dir, resume: false)
        let logPath = "\(dir)/evaluations.jsonl"
        let original = try String(contentsOfFile: logPath, encoding: .utf8)
        var lines = original.split(separator: "\n").map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: #""space_version":1"#, with: #""space_version":2"#)
        try (lines.joined(separator: "\n") + "\n").write(toFile: logPath, atomically: true, encoding: .utf8)
        #expect(throws: DesignSpaceError.unsupportedSpaceVersion(file: "\(logPath) line 3", found: 2, supported: 1)) {
            try RunDirectory.load(dir)
        }
        #expect(throws: DesignSpaceError.self) {
            try SearchSession.run(Self.settings, evaluator: try evaluator(), in: dir, resume: true)
        }
        try original.write(toFile: logPath, atomically: true, encoding: .utf8)

        let runPath = "\(dir)/run.json"
        let header = try String(contentsOfFile: runPath, encoding: .utf8)
        try header.replacingOccurrences(of: #""space_version" : 1"#, with: #""space_version" : 7"#)
            .write(toFile: runPath, atomically: true, encoding: .utf8)
        #expect(throws: DesignSpaceError.unsupportedSpaceVersion(file: runPath, found: 7, supported: 1)) {
            try SearchSession.storedSettings(in: dir)
        }
        #expect(
            String(describing: DesignSpaceError.unsupportedSpaceVersion(file: runPath, found: 7, supported: 1))
                == "cannot read \(runPath): it was written with design-space version 7, and this build reads only version 1")
    }

    @Test func recordsFromBeforeVersioningReadAsVersionOne() throws {
        let dir = temporaryDirectory()
        _ = try SearchSession.run(Self.settings, evaluator: try evaluator(), in: dir, resume: false)
        let (_, stamped) = try RunDirectory.load(dir)
        for file in ["run.json", "evaluations.jsonl"] {
            let path = "\(dir)/\(file)"
            let text = try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: #""space_version":1,"#, with: "")
                .replacingOccurrences(of: #""space_version" : 1,"#, with: "")
            #expect(!text.contains("space_version"))
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let (header, unstamped) = try RunDirectory.load(dir)
        #expect(header.spaceVersion == 1)
        #expect(unstamped == stamped)
    }

    @Test func aRecordOutsideTheSpaceIsAnErrorNotATrap() throws {
        let dir = temporaryDirectory()
        _ = try SearchSession.run(Self.settings, evaluator: try evaluator(), in: dir, resume: false)
        let logPath = "\(dir)/evaluations.jsonl"
        var lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] = lines[0].replacing(#/"accelerator_index":\d+/#, with: #""accelerator_index":14850000"#)
        try (lines.joined(separator: "\n") + "\n").write(toFile: logPath, atomically: true, encoding: .utf8)
        #expect(throws: CoDesignError.unreadableRun(path: dir, reason: "evaluations.jsonl line 1 is not an evaluation")) {
            try RunDirectory.load(dir)
        }
    }

    @Test func compareRunsEveryStrategyAndWritesTheirCurves() throws {
        let dir = temporaryDirectory()
        let report = try SearchSession.compare(Self.settings, evaluator: try evaluator(), in: dir, resume: false)
        #expect(report.rows.map(\.strategy) == SearchStrategy.allCases)
        #expect(report.rows.allSatisfy { FileManager.default.fileExists(atPath: "\($0.directory)/evaluations.jsonl") })
        // Random search reaches its own best; counted after the shared initial sample.
        let random = try #require(report.rows.first { $0.strategy == .random })
        let reachedAt = try #require(random.outcome.convergence.firstIndex { $0 >= random.best }) + 1
        #expect(random.evaluationsToReachRandomBest == max(reachedAt - Self.settings.initialSamples, 0))
        #expect(random.evaluationsToReachRandomBest! <= Self.settings.budget - Self.settings.initialSamples)
        #expect(report.rows.allSatisfy { $0.best == $0.outcome.convergence.last })
        let csv = try String(contentsOfFile: report.convergenceCSV, encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "evaluations,boshcode,random,gp-bo,random-forest,gbrt,nsga2,tpe")
        #expect(csv.count == 9)
        #expect(FileManager.default.fileExists(atPath: report.convergencePlot))
        // Every strategy's folder holds a single run's files.
        for row in report.rows {
            let r = row.report
            for file in [r.summaryJSON, r.trialsCSV, r.paretoCSV, r.bestModelFile, r.bestAcceleratorFile, r.convergencePlot] + r.paretoPlots
            {
                #expect(FileManager.default.fileExists(atPath: file), "\(file)")
            }
        }
    }
}
