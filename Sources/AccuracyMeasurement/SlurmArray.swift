import Foundation

/// Runs a measurement folder's missing models as one Slurm job array, one model per task.
///
/// Each task runs `taskCommand` followed by `--task I`; the task appends its own record to
/// the folder's log under the log's lock, so results gather in the same file a local run
/// writes. No accounting is assumed (sacct is often off): a task failed when its record is
/// not in the log once the array has left the queue. Failed tasks are resubmitted once, as
/// one more array; those that fail again are returned.
package struct SlurmArray: Sendable {
    /// The command a task runs, before `--task I`, e.g. `[transcode, accuracy, measure, --out, DIR]`.
    package let taskCommand: [String]
    package let partition: String?
    package let arrayLimit: Int?
    package let cpusPerTask: Int
    /// Seconds between queue polls.
    package let pollInterval: Double
    /// Where sbatch and squeue are looked up (PATH's format).
    package let searchPath: String

    package init(
        taskCommand: [String], partition: String? = nil, arrayLimit: Int? = nil, cpusPerTask: Int = 2, pollInterval: Double = 2,
        searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    ) {
        self.taskCommand = taskCommand
        self.searchPath = searchPath
        self.partition = partition
        self.arrayLimit = arrayLimit
        self.cpusPerTask = cpusPerTask
        self.pollInterval = pollInterval
    }

    /// What the array did.
    package struct Outcome: Sendable, Equatable {
        package var jobs: [String] = []
        package var submitted: [Int] = []
        package var retried: [Int] = []
        /// Tasks that failed twice.
        package var failed: [Int] = []
    }

    /// Submits the plan's models that the log does not hold, waits, retries failures once.
    package func run(_ folder: MeasurementFolder, progress: (String) -> Void = { _ in }) throws(AccuracyMeasurementError) -> Outcome {
        for tool in ["sbatch", "squeue"] where which(tool) == nil {
            throw .slurm(
                command: tool,
                reason:
                    "not found on PATH; install Slurm's client (Debian: apt-get install slurm-client) and set SLURM_CONF, or run without --slurm"
            )
        }
        let plan = try folder.readPlan()
        var outcome = Outcome()
        var missing = try Self.missing(folder, count: plan.models.count)
        outcome.submitted = missing
        for attempt in 1...2 where !missing.isEmpty {
            if attempt == 2 {
                outcome.retried = missing
                progress("retrying \(missing.count) failed task(s) once: \(Self.ranges(missing))")
            }
            let job = try submit(missing, folder: folder, attempt: attempt)
            outcome.jobs.append(job)
            progress("submitted job array \(job) (\(missing.count) task(s): \(Self.ranges(missing)))")
            try wait(for: job)
            missing = try Self.missing(folder, count: plan.models.count).filter(missing.contains)
        }
        outcome.failed = missing
        return outcome
    }

    /// Plan indices without a record.
    static func missing(_ folder: MeasurementFolder, count: Int) throws(AccuracyMeasurementError) -> [Int] {
        let done = Set(try folder.readRecords().map(\.index))
        return (0..<count).filter { !done.contains($0) }
    }

    /// `0-3,5,7-9`: Slurm's array syntax for sorted indices.
    package static func ranges(_ indices: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < indices.count {
            var j = i
            while j + 1 < indices.count && indices[j + 1] == indices[j] + 1 { j += 1 }
            parts.append(i == j ? "\(indices[i])" : "\(indices[i])-\(indices[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }

    private func submit(_ indices: [Int], folder: MeasurementFolder, attempt: Int) throws(AccuracyMeasurementError) -> String {
        let logs = "\(folder.path)/slurm"
        try? FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let script = "\(logs)/task-attempt\(attempt).sh"
        let quoted = taskCommand.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let text =
            "#!/bin/sh\n# Written by transcode accuracy measure --slurm: one model per array task.\nexec \(quoted) --task \"$SLURM_ARRAY_TASK_ID\"\n"
        do {
            try text.write(toFile: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        } catch { throw .unusableDirectory(path: folder.path, reason: "cannot write \(script)") }
        var arguments = [
            "--parsable", "--job-name", "transcode-accuracy", "--cpus-per-task", String(cpusPerTask),
            "--array", Self.ranges(indices) + (arrayLimit.map { "%\($0)" } ?? ""), "--output", "\(logs)/attempt\(attempt)-%A_%a.out",
        ]
        if let partition { arguments += ["--partition", partition] }
        let (status, output) = execute("sbatch", arguments + [script])
        let id = output.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let reason = output.split(separator: "\n").last.map(String.init) ?? "exit status \(status)"
            throw .slurm(command: "sbatch", reason: reason + " (is SLURM_CONF set and slurmctld running?)")
        }
        return id
    }

    /// Polls the queue until no task of `job` is left in it.
    private func wait(for job: String) throws(AccuracyMeasurementError) {
        var failures = 0
        while true {
            let (status, output) = execute("squeue", ["-h", "-r", "-j", job, "-o", "%i"])
            if status == 0 {
                failures = 0
                if output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return }
            } else if output.contains("Invalid job id") {
                return  // the controller already forgot the finished job
            } else {
                failures += 1
                if failures >= 30 {
                    throw .slurm(command: "squeue", reason: output.split(separator: "\n").last.map(String.init) ?? "failed")
                }
            }
            Thread.sleep(forTimeInterval: pollInterval)
        }
    }

    func which(_ tool: String) -> String? {
        for directory in searchPath.split(separator: ":") {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `tool` from PATH; its exit status and combined output.
    func execute(_ tool: String, _ arguments: [String]) -> (Int32, String) {
        guard let path = which(tool) else { return (127, "\(tool): not found") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(tool): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
