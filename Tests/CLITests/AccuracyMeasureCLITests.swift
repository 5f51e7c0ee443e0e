import AccuracyMeasurement
import Foundation
import TestSupport
import Testing

/// `transcode accuracy measure` end to end at the tiny setting: locally, killed and resumed,
/// and as a Slurm job array on the one-node cluster `.ci/run` starts (SLURM_CONF).
@Suite struct AccuracyMeasureCLITests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory("transcode-accuracy") }

    private func records(_ dir: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: dir + "/accuracy.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func killedMidRunResumesWithoutDuplicatesOrLoss() throws {
        let out = folder.path + "/run"
        let arguments = ["accuracy", "measure", "--models", "4", "--setting", "tiny", "--threads", "1", "--out", out]
        // SIGKILL once the first record is on disk, while the second model trains.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TranscodeBinary.path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let log = out + "/accuracy.jsonl"
        while process.isRunning && ((try? String(contentsOfFile: log, encoding: .utf8))?.filter { $0 == "\n" }.count ?? 0) < 1 {
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = try records(out).map { $0["index"] as! Int }
        #expect(!before.isEmpty && before.count < 4, "killed after \(before)")
        let result = try TranscodeBinary.run(arguments)
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.transcript.contains("4 of 4 models measured in \(out)/accuracy.jsonl"))
        let after = try records(out)
        #expect(after.map { $0["index"] as! Int }.sorted() == [0, 1, 2, 3])
        #expect(Array(after.map { $0["index"] as! Int }.prefix(before.count)) == before)
        #expect(after.allSatisfy { ($0["setting"] as? [String: Any])?["name"] as? String == "tiny" && $0["dynaprop"] as? Bool == false })
    }

    @Test func missingSbatchIsOneLine() throws {
        let result = try runWithoutSlurm([
            "accuracy", "measure", "--models", "2", "--setting", "tiny", "--out", folder.path + "/s", "--slurm",
        ])
        #expect(result.status == 1)
        #expect(
            result.transcript.hasSuffix(
                "[stderr]\nError: sbatch: not found on PATH; install Slurm's client (Debian: apt-get install slurm-client) and set SLURM_CONF, or run without --slurm\n[exit 1]\n"
            ), "\(result.transcript)")
    }

    /// Runs transcode with a PATH that holds no Slurm tools.
    private func runWithoutSlurm(_ arguments: [String]) throws -> (status: Int32, transcript: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TranscodeBinary.path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder.path
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, "[stderr]\n" + text + "[exit \(process.terminationStatus)]\n")
    }

    /// One job array on the local cluster: task 1 fails once and is retried, task 2 fails
    /// twice and is reported; then `--slurm` on the same folder finishes it.
    @Test func slurmArrayRetriesOnceReportsAndGathers() throws {
        guard ProcessInfo.processInfo.environment["SLURM_CONF"] != nil else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("SLURM_CONF is not set: .ci/run starts a one-node cluster with scripts/slurm-cluster (as root)")
            }
            return
        }
        let out = folder.path + "/slurm"
        let measure = MeasurementFolder(out)
        _ = try measure.prepare(MeasurementPlan(count: 3, setting: try MeasurementSetting.named("tiny"), seed: 5))
        let script = try folder.file(
            "task.sh",
            """
            #!/bin/sh
            # $1 $2 = --task I
            if [ "$2" = 2 ]; then exit 3; fi
            if [ "$2" = 1 ] && [ ! -e "\(folder.path)/failed-once" ]; then touch "\(folder.path)/failed-once"; exit 3; fi
            exec "\(TranscodeBinary.path)" accuracy measure --out "\(out)" --threads 1 "$@"

            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let outcome = try SlurmArray(taskCommand: [script], arrayLimit: 2, cpusPerTask: 1, pollInterval: 0.5).run(measure)
        #expect(outcome.jobs.count == 2)
        #expect(outcome.submitted == [0, 1, 2] && outcome.retried == [1, 2] && outcome.failed == [2])
        #expect(try measure.readRecords().map(\.index).sorted() == [0, 1])
        // The command submits only the missing task and gathers it into the same log.
        let result = try TranscodeBinary.run([
            "accuracy", "measure", "--models", "3", "--setting", "tiny", "--seed", "5", "--threads", "1", "--out", out, "--slurm",
        ])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.transcript.contains("(1 task(s): 2)"))
        #expect(result.transcript.contains("3 of 3 models measured"))
        let gathered = try measure.readRecords()
        #expect(gathered.map(\.index).sorted() == [0, 1, 2])
        #expect(gathered.allSatisfy { $0.runner.hasPrefix("slurm job ") })
    }
}
