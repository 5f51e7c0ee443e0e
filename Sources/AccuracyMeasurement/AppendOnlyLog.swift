import Foundation
import Glibc

/// A JSONL log of finished records, one per line, each with an index that says which task it
/// finished: the accuracy measurement's `accuracy.jsonl` and the DynaProp sweep's
/// `sweep.jsonl`.
///
/// A record counts once its line, newline included, is on disk: appends hold an exclusive
/// `flock` on the log, cut a torn tail (a writer killed mid-line) before writing, write the
/// whole line with one `write` on an O_APPEND descriptor and `fsync`. So a SIGKILL at any
/// point loses at most the task in progress, and concurrent writers (Slurm tasks) never
/// interleave.
package struct AppendOnlyLog<Record: Codable & Sendable>: Sendable {
    /// The folder (named in messages as `--out`).
    package let folder: String
    package let fileName: String
    /// What a record is called in messages, e.g. `measurement record`.
    package let recordName: String
    private let indexOf: @Sendable (Record) -> Int

    package init(folder: String, fileName: String, recordName: String, index: @escaping @Sendable (Record) -> Int) {
        self.folder = folder
        self.fileName = fileName
        self.recordName = recordName
        indexOf = index
    }

    package var path: String { "\(folder)/\(fileName)" }

    /// Every finished record, in log order. A torn last line (no newline) is not a record and
    /// is skipped; any other line that is not a record is an error.
    package func readRecords() throws(AccuracyMeasurementError) -> [Record] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return try records(in: data.prefix(Self.completeLength(data)))
    }

    /// Bytes of `data` up to and including its last newline: a line without one was torn by
    /// a kill and is not a record.
    private static func completeLength(_ data: Data) -> Int {
        data.last == 0x0A || data.isEmpty ? data.count : (data.lastIndex(of: 0x0A).map { $0 - data.startIndex + 1 } ?? 0)
    }

    private func records(in complete: Data) throws(AccuracyMeasurementError) -> [Record] {
        var records: [Record] = []
        for (i, line) in complete.split(separator: 0x0A).enumerated() {
            do { records.append(try JSONDecoder().decode(Record.self, from: Data(line))) } catch {
                throw .unreadableFile(path: path, reason: "line \(i + 1) is not a \(recordName); remove it to resume")
            }
        }
        return records
    }

    /// Appends `record` unless the log already holds its index (a retried task whose first
    /// attempt finished); returns whether it was written.
    @discardableResult
    package func append(_ record: Record) throws(AccuracyMeasurementError) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let index = indexOf(record)
        guard let line = try? encoder.encode(record) + Data([0x0A]) else {
            throw .unusableDirectory(path: folder, reason: "cannot encode record \(index)")
        }
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unusableDirectory(path: folder, reason: "cannot open \(fileName) for appending") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw .unusableDirectory(path: folder, reason: "cannot lock \(fileName)") }
        defer { flock(fd, LOCK_UN) }
        let existing = FileManager.default.contents(atPath: path) ?? Data()
        // What a kill left torn goes; the rest, read once under the lock, says whether the
        // record is already there.
        let keep = Self.completeLength(existing)
        if keep < existing.count { _ = ftruncate(fd, off_t(keep)) }
        if try records(in: existing.prefix(keep)).contains(where: { indexOf($0) == index }) { return false }
        let written = line.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            throw .unusableDirectory(path: folder, reason: "cannot write \(fileName) (disk full?)")
        }
        return true
    }

    /// Takes the folder's run lock file `lockName` for this process's lifetime (closing the
    /// descriptor or dying releases it); refuses when another local run of `command` holds it.
    package static func lockRun(folder: String, lockName: String, command: String) throws(AccuracyMeasurementError) -> Int32 {
        let fd = open("\(folder)/\(lockName)", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unusableDirectory(path: folder, reason: "cannot create \(lockName)") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .locked(path: folder, command: command)
        }
        return fd
    }
}
