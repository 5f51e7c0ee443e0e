import Foundation
import Glibc

/// A measurement folder: `plan.json` (the models in task order), `accuracy.jsonl` (one
/// finished model per line, append-only) and `measure.lock` (held by a local run).
///
/// A record counts once its line, newline included, is on disk: appends hold an exclusive
/// `flock` on the log, cut a torn tail (a writer killed mid-line) before writing, write the
/// whole line with one `write` on an O_APPEND descriptor and `fsync`. So a SIGKILL at any
/// point loses at most the model in training, and concurrent Slurm tasks never interleave.
package struct MeasurementFolder: Sendable {
    package let path: String

    package init(_ path: String) { self.path = path }

    package var planPath: String { "\(path)/plan.json" }
    package var logPath: String { "\(path)/accuracy.jsonl" }
    package var lockPath: String { "\(path)/measure.lock" }

    /// Creates the folder if needed and writes `plan`, or checks it against the stored plan.
    /// A stored plan that `plan` extends (same setting, seed and data set, its models a
    /// prefix) is replaced, so `--models` can grow a finished folder.
    package func prepare(_ plan: MeasurementPlan) throws(AccuracyMeasurementError) -> MeasurementPlan {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .unusableDirectory(path: path, reason: "it is a file, not a folder") }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) } catch {
                throw .unusableDirectory(path: path, reason: "its parent folder does not exist or is not writable")
            }
        }
        if FileManager.default.fileExists(atPath: planPath) {
            let stored = try readPlan()
            func check(_ field: String, _ a: String, _ b: String) throws(AccuracyMeasurementError) {
                if a != b { throw .planMismatch(path: planPath, field: field, stored: a, asked: b) }
            }
            try check("setting", "\(stored.setting.name) v\(stored.setting.version)", "\(plan.setting.name) v\(plan.setting.version)")
            try check("seed", String(stored.seed), String(plan.seed))
            try check("data set", stored.dataset, plan.dataset)
            let shared = min(stored.models.count, plan.models.count)
            guard stored.setting == plan.setting, Array(stored.models.prefix(shared)) == Array(plan.models.prefix(shared)) else {
                throw .planMismatch(path: planPath, field: "models", stored: "another list", asked: "this one")
            }
            if plan.models.count <= stored.models.count { return stored }
        }
        try write(plan)
        return plan
    }

    /// Reads DIR/plan.json.
    package func readPlan() throws(AccuracyMeasurementError) -> MeasurementPlan {
        guard let data = FileManager.default.contents(atPath: planPath) else {
            throw .unreadableFile(path: planPath, reason: "no such file; create it with `transcode accuracy measure --out \(path)`")
        }
        do { return try JSONDecoder().decode(MeasurementPlan.self, from: data) } catch {
            throw .unreadableFile(path: planPath, reason: "not a measurement plan")
        }
    }

    private func write(_ plan: MeasurementPlan) throws(AccuracyMeasurementError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            // Atomic: a reader sees the old plan or the new one, never half of one.
            try (try encoder.encode(plan) + Data([0x0A])).write(to: URL(fileURLWithPath: planPath), options: .atomic)
        } catch {
            throw .unusableDirectory(path: path, reason: "cannot write plan.json")
        }
    }

    /// Every finished record, in log order. A torn last line (no newline) is not a record and
    /// is skipped; any other line that is not a record is an error.
    package func readRecords() throws(AccuracyMeasurementError) -> [MeasurementRecord] {
        guard let data = FileManager.default.contents(atPath: logPath) else { return [] }
        return try records(in: data.prefix(Self.completeLength(data)))
    }

    /// Bytes of `data` up to and including its last newline: a line without one was torn by
    /// a kill and is not a record.
    private static func completeLength(_ data: Data) -> Int {
        data.last == 0x0A || data.isEmpty ? data.count : (data.lastIndex(of: 0x0A).map { $0 - data.startIndex + 1 } ?? 0)
    }

    private func records(in complete: Data) throws(AccuracyMeasurementError) -> [MeasurementRecord] {
        var records: [MeasurementRecord] = []
        for (i, line) in complete.split(separator: 0x0A).enumerated() {
            do { records.append(try JSONDecoder().decode(MeasurementRecord.self, from: Data(line))) } catch {
                throw .unreadableFile(path: logPath, reason: "line \(i + 1) is not a measurement record; remove it to resume")
            }
        }
        return records
    }

    /// Appends `record` unless the log already holds its index (a retried Slurm task whose
    /// first attempt finished); returns whether it was written.
    @discardableResult
    package func append(_ record: MeasurementRecord) throws(AccuracyMeasurementError) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let line = try? encoder.encode(record) + Data([0x0A]) else {
            throw .unusableDirectory(path: path, reason: "cannot encode record \(record.index)")
        }
        let fd = open(logPath, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unusableDirectory(path: path, reason: "cannot open accuracy.jsonl for appending") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw .unusableDirectory(path: path, reason: "cannot lock accuracy.jsonl") }
        defer { flock(fd, LOCK_UN) }
        let existing = FileManager.default.contents(atPath: logPath) ?? Data()
        // What a kill left torn goes; the rest, read once under the lock, says whether the
        // record is already there.
        let keep = Self.completeLength(existing)
        if keep < existing.count { _ = ftruncate(fd, off_t(keep)) }
        if try records(in: existing.prefix(keep)).contains(where: { $0.index == record.index }) { return false }
        let written = line.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            throw .unusableDirectory(path: path, reason: "cannot write accuracy.jsonl (disk full?)")
        }
        return true
    }

    /// Takes the folder's run lock for this process's lifetime (closing the descriptor or
    /// dying releases it); refuses when another local run holds it.
    package func lockRun() throws(AccuracyMeasurementError) -> Int32 {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unusableDirectory(path: path, reason: "cannot create measure.lock") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .locked(path: path)
        }
        return fd
    }
}
