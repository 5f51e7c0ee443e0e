import DesignSpace
import Foundation

/// A run's directory: `run.json` (settings and the objective's scale) and `evaluations.jsonl`, one
/// evaluation per line, appended and flushed as each finishes so a kill loses nothing.
///
/// An open `RunDirectory` holds an exclusive `flock` on `run.lock` inside the directory until
/// it is released, so two runs can never write the same directory: the second is refused at
/// once with the holder's pid and start time, which the holder writes into the lock file.
package final class RunDirectory: @unchecked Sendable {
    package let path: String
    private let handle: FileHandle
    private let lockDescriptor: Int32
    private let lock = NSLock()

    /// What `run.json` holds.
    package struct Header: Codable, Sendable {
        package var format = "transcode-search-run"
        /// The version of this file's layout: 2 since the scale replaced per-seed normalisers.
        package var version = Header.currentVersion
        /// The version of the encodings that the settings' fixed accelerator index or model
        /// embedding are written in (`SpaceVersion`).
        package var spaceVersion = SpaceVersion.current
        package var settings: SearchSettings
        /// The declared scale every evaluation of the run is scored on.
        package var scale: ObjectiveScale

        package static let currentVersion = 2

        package init(settings: SearchSettings, scale: ObjectiveScale) {
            self.settings = settings
            self.scale = scale
        }

        enum CodingKeys: String, CodingKey {
            case format, version
            case spaceVersion = "space_version"
            case settings, scale
        }

        // A run.json from before `space_version` existed was written with version 1.
        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            format = try c.decode(String.self, forKey: .format)
            version = try c.decode(Int.self, forKey: .version)
            spaceVersion = try c.decodeIfPresent(Int.self, forKey: .spaceVersion) ?? SpaceVersion.unversioned
            settings = try c.decode(SearchSettings.self, forKey: .settings)
            scale = try c.decode(ObjectiveScale.self, forKey: .scale)
        }
    }

    static func settingsPath(_ dir: String) -> String { "\(dir)/run.json" }
    static func logPath(_ dir: String) -> String { "\(dir)/evaluations.jsonl" }
    static func lockPath(_ dir: String) -> String { "\(dir)/run.lock" }
    static func proposalsPath(_ dir: String) -> String { "\(dir)/proposals.jsonl" }

    /// Checks, before any work, that a run directory can be created at `dir` (or that the one
    /// there is a folder that can be written); the error names the offending path.
    package static func checkUsable(_ dir: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw CoDesignError.unusableRunDirectory(path: dir, reason: "it is a file, not a folder") }
            guard access(dir, W_OK) == 0 else { throw CoDesignError.unusableRunDirectory(path: dir, reason: "it is not writable") }
            return
        }
        // The nearest existing ancestor is where the directory would be created.
        var parent = (dir as NSString).deletingLastPathComponent
        if parent.isEmpty { parent = "." }
        while !FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) {
            let up = (parent as NSString).deletingLastPathComponent
            if up.isEmpty || up == parent { break }
            parent = up
        }
        guard isFolder.boolValue else { throw CoDesignError.unusableRunDirectory(path: dir, reason: "\(parent) is a file, not a folder") }
        guard access(parent, W_OK) == 0 else {
            throw CoDesignError.unusableRunDirectory(path: dir, reason: "folder \(parent) is not writable")
        }
    }

    /// `mkdir -p` that reports the failing path and the system's reason in one line, where
    /// `FileManager` would give an NSCocoaErrorDomain dump.
    static func makeDirectory(_ dir: String) throws {
        try checkUsable(dir)
        var built = dir.hasPrefix("/") ? "" : "."
        for part in dir.split(separator: "/") {
            built += "/\(part)"
            if mkdir(built, 0o777) != 0 && errno != EEXIST {
                throw CoDesignError.unusableRunDirectory(path: dir, reason: "cannot create \(built): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Takes the directory's lock or throws `runLocked` naming the holder; returns the descriptor
    /// that holds it (closing it releases the lock, as does the process ending).
    static func acquireLock(_ dir: String) throws -> Int32 {
        let fd = open(lockPath(dir), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CoDesignError.unusableRunDirectory(path: dir, reason: "cannot open run.lock: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            func holderText() -> String {
                (FileManager.default.contents(atPath: lockPath(dir)).flatMap { String(data: $0, encoding: .utf8) } ?? "")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            // The holder writes its line just after taking the lock: give it a moment.
            var holder = holderText()
            if holder.isEmpty {
                usleep(100_000)
                holder = holderText()
            }
            close(fd)
            throw CoDesignError.runLocked(path: dir, holder: holder.isEmpty ? "another process" : holder)
        }
        let stamp = ISO8601DateFormatter().string(from: Date())
        let text = Array("pid \(getpid()) since \(stamp)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return fd
    }

    /// Creates a new run: takes the lock, then creates `run.json` exclusively (`O_EXCL`), so a
    /// directory that already holds a run is refused even by a racing process. `header` is
    /// called only once the directory is claimed, so no work is done for a refused run.
    package static func create(_ dir: String, header: () throws -> Header) throws -> RunDirectory {
        try makeDirectory(dir)
        let lockFD = try acquireLock(dir)
        do {
            if FileManager.default.fileExists(atPath: logPath(dir)) { throw CoDesignError.runExists(path: dir) }
            let fd = open(settingsPath(dir), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                if errno == EEXIST { throw CoDesignError.runExists(path: dir) }
                throw CoDesignError.unusableRunDirectory(path: dir, reason: "cannot create run.json: \(String(cString: strerror(errno)))")
            }
            let settingsFile = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try settingsFile.write(contentsOf: encoder.encode(try header()))
            try settingsFile.close()
            let logFD = open(logPath(dir), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
            guard logFD >= 0 else { throw CoDesignError.runExists(path: dir) }
            close(logFD)
            return try RunDirectory(dir, lockDescriptor: lockFD)
        } catch {
            close(lockFD)
            throw error
        }
    }

    /// Opens an existing run for appending, holding its lock, and reads it (`load`). The log
    /// is read, and a torn last line repaired, before the append handle is opened, so the
    /// handle always refers to the repaired file.
    package static func reopen(_ dir: String) throws -> (RunDirectory, Header, [Evaluation]) {
        guard FileManager.default.fileExists(atPath: logPath(dir)) else {
            throw CoDesignError.unreadableRun(path: dir, reason: "no evaluations.jsonl")
        }
        let lockFD = try acquireLock(dir)
        do {
            let (header, evaluations) = try load(dir)
            return (try RunDirectory(dir, lockDescriptor: lockFD), header, evaluations)
        } catch {
            close(lockFD)
            throw error
        }
    }

    // The log is opened append-only: every write lands at the end whatever else happened.
    private init(_ dir: String, lockDescriptor: Int32) throws {
        path = dir
        let fd = open(Self.logPath(dir), O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw CoDesignError.unreadableRun(path: dir, reason: "no evaluations.jsonl") }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        self.lockDescriptor = lockDescriptor
    }

    deinit {
        try? handle.close()
        close(lockDescriptor)
    }

    /// Replaces `run.json` (an extended run's new budget) by writing a copy and renaming it, so
    /// a kill leaves either the old or the new file. Called only while the lock is held.
    func rewriteHeader(_ header: Header) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(header).write(to: URL(fileURLWithPath: Self.settingsPath(path)), options: .atomic)
    }
    /// Reads the header and every complete evaluation; a last line cut off by a kill is dropped.
    ///
    /// A file or line of another `SpaceVersion` is refused with an error naming it, before any
    /// index or embedding in it is interpreted.
    package static func load(_ dir: String) throws -> (Header, [Evaluation]) {
        let header = try readHeader(dir)
        return (header, try readEvaluations(dir))
    }

    /// Reads and checks `run.json` alone.
    package static func readHeader(_ dir: String) throws -> Header {
        guard let data = FileManager.default.contents(atPath: settingsPath(dir)) else {
            throw CoDesignError.unreadableRun(path: dir, reason: "no run.json")
        }
        try SpaceVersion.check(json: data, file: settingsPath(dir))
        // Version 1 scored each seed on its own normalisers: its figures are not comparable.
        struct Layout: Decodable { let version: Int? }
        if let layout = try? JSONDecoder().decode(Layout.self, from: data), let version = layout.version,
            version != Header.currentVersion
        {
            throw CoDesignError.unreadableRun(
                path: dir,
                reason:
                    "run.json has layout version \(version) and this build reads only version \(Header.currentVersion) (version 1 scored each seed on its own normalisers); start a new run"
            )
        }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch {
            throw CoDesignError.unreadableRun(path: dir, reason: "run.json is not a search run")
        }
        do { _ = try header.settings.searchMode } catch {
            throw CoDesignError.unreadableRun(path: dir, reason: "run.json: \(error)")
        }
        return header
    }

    static func readEvaluations(_ dir: String) throws -> [Evaluation] {
        guard let log = FileManager.default.contents(atPath: logPath(dir)) else {
            throw CoDesignError.unreadableRun(path: dir, reason: "no evaluations.jsonl")
        }
        var evaluations: [Evaluation] = []
        let lines = log.split(separator: UInt8(ascii: "\n"))
        for (i, line) in lines.enumerated() {
            try SpaceVersion.check(json: Data(line), file: "\(logPath(dir)) line \(i + 1)")
            do {
                evaluations.append(try JSONDecoder().decode(Evaluation.self, from: Data(line)))
            } catch {
                if i == lines.count - 1 && log.last != UInt8(ascii: "\n") { break }
                throw CoDesignError.unreadableRun(path: dir, reason: "evaluations.jsonl line \(i + 1) is not an evaluation")
            }
        }
        // Rewrite without a torn tail so appends start on a fresh line.
        if log.last != UInt8(ascii: "\n") && !log.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var clean = Data()
            for e in evaluations { clean += try encoder.encode(e) + Data([UInt8(ascii: "\n")]) }
            try clean.write(to: URL(fileURLWithPath: logPath(dir)))
        }
        return evaluations
    }

    /// Appends one iteration's proposals and flushes them, before the batch is evaluated.
    func appendProposals(_ batch: ProposalBatch) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let line = try encoder.encode(batch) + Data([UInt8(ascii: "\n")])
        let fd = open(Self.proposalsPath(path), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CoDesignError.unusableRunDirectory(
                path: path, reason: "cannot write proposals.jsonl: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw CoDesignError.unusableRunDirectory(
                path: path, reason: "cannot write proposals.jsonl: \(String(cString: strerror(errno)))")
        }
        fsync(fd)
    }

    /// The proposals logged so far, by iteration. A missing file is an empty log; a line cut
    /// off by a kill, or one this build cannot read, is skipped: that iteration is proposed
    /// again, which gives the same batch, only slower.
    static func readProposals(_ dir: String) -> [Int: ProposalBatch] {
        guard let data = FileManager.default.contents(atPath: proposalsPath(dir)) else { return [:] }
        var batches: [Int: ProposalBatch] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let batch = try? JSONDecoder().decode(ProposalBatch.self, from: Data(line)) else { continue }
            batches[batch.iteration] = batch
        }
        return batches
    }

    /// Appends one evaluation and flushes it to disk.
    package func append(_ e: Evaluation) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let line = try! encoder.encode(e) + Data([UInt8(ascii: "\n")])
        lock.lock()
        handle.write(line)
        try? handle.synchronize()
        lock.unlock()
    }
}
