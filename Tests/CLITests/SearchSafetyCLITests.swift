import Foundation
import ProjectLayout
import Testing

/// Issue 17, through the built binary: two `transcode search` processes on one `--out`.
@Suite struct SearchSafetyCLITests {
    struct Finished {
        let status: Int32
        let error: String
    }

    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TranscodeBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: ProjectFiles.root)
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, error)
    }

    @Test func twoProcessesOnOneDirectoryLetExactlyOneWin() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-\(UUID())").path
        let common = [
            "search", "--budget", "8", "--batch", "4", "--strategy", "random", "--workload", "inference",
            "--table", "acceltran-14nm", "--out", dir,
        ]
        let started = try [1, 2].map { try Self.start(common + ["--seed", String($0)]) }
        let finished = started.map { process, pipe -> Finished in
            let error = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return Finished(status: process.terminationStatus, error: error)
        }
        #expect(finished.filter { $0.status == 0 }.count == 1)
        let loser = try #require(finished.first { $0.status != 0 })
        #expect(loser.status == 1)
        let lines = loser.error.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(loser.error.hasPrefix("Error: \(dir) is in use by another search (pid "))
        // The log holds the winner's eight evaluations, each once.
        let winnerSeed = finished[0].status == 0 ? 1 : 2
        let log = try String(contentsOfFile: "\(dir)/evaluations.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(log.count == 8)
        let runJSON = try String(contentsOfFile: "\(dir)/run.json", encoding: .utf8)
        #expect(runJSON.contains("\"seed\" : \(winnerSeed)"))
    }

    @Test func resumeWithAnotherObjectiveScaleIsRefusedInOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-\(UUID())").path
        let first = try TranscodeBinary.run([
            "search", "--budget", "4", "--batch", "4", "--strategy", "random", "--workload", "inference",
            "--table", "acceltran-14nm", "--objective-scale", "log", "--out", dir,
        ])
        #expect(first.status == 0)
        #expect(first.transcript.contains("objective scale: log, from data/objective-scale.json version "))
        let refused = try TranscodeBinary.run(["search", "--resume", dir, "--objective-scale", "fixed-max"])
        #expect(refused.status == 1)
        #expect(
            refused.transcript.hasSuffix(
                "\n[stderr]\nError: cannot resume: the run was started with objective scale log, not fixed-max; resume it with its stored settings or start a new run in another directory\n[exit 1]\n"
            ))
        let same = try TranscodeBinary.run(["search", "--resume", dir, "--objective-scale", "log"])
        #expect(same.status == 0)
    }

    @Test func resumeWithABudgetExtendsTheRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-\(UUID())").path
        let first = try TranscodeBinary.run([
            "search", "--budget", "8", "--batch", "4", "--strategy", "random", "--workload", "inference",
            "--table", "acceltran-14nm", "--out", dir,
        ])
        #expect(first.status == 0)
        let extended = try TranscodeBinary.run(["search", "--resume", dir, "--budget", "12"])
        #expect(extended.status == 0)
        #expect(extended.transcript.contains(": 12 evaluations"))
        let log = try String(contentsOfFile: "\(dir)/evaluations.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(log.count == 12)
        let lower = try TranscodeBinary.run(["search", "--resume", dir, "--budget", "4"])
        #expect(lower.status == 1)
        #expect(lower.transcript.contains("Error: invalid --budget 4: allowed at least the run's budget 12\n"))
    }

    @Test func aRunWithoutAFeasiblePairExitsNonZeroAndKeepsItsLog() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-\(UUID())").path
        let result = try TranscodeBinary.run([
            "search", "--budget", "8", "--batch", "4", "--strategy", "random", "--workload", "inference",
            "--table", "acceltran-14nm", "--constraint", "latency<=1e-12", "--out", dir,
        ])
        #expect(result.status == 1)
        #expect(
            result.transcript.contains(
                "Error: no pair among the 8 evaluated satisfies the constraints latency<=1e-12; the log is kept in \(dir): loosen the constraints in a new run, or extend this one with a larger budget (--resume \(dir) --budget N)\n"
            ))
        let log = try String(contentsOfFile: "\(dir)/evaluations.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(log.count == 8)
    }
}
