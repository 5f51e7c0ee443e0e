import DesignSpace
import Foundation

/// A run's directory: `run.json` (settings and normalisers) and `evaluations.jsonl`, one
/// evaluation per line, appended and flushed as each finishes so a kill loses nothing.
package final class RunDirectory: @unchecked Sendable {
    package let path: String
    private let handle: FileHandle
    private let lock = NSLock()

    /// What `run.json` holds.
    package struct Header: Codable, Sendable {
        package var format = "transcode-search-run"
        /// The version of this file's layout.
        package var version = 1
        /// The version of the encodings that the settings' fixed accelerator index or model
        /// embedding are written in (`SpaceVersion`).
        package var spaceVersion = SpaceVersion.current
        package var settings: SearchSettings
        package var normalizers: Normalizers

        package init(settings: SearchSettings, normalizers: Normalizers) {
            self.settings = settings
            self.normalizers = normalizers
        }

        enum CodingKeys: String, CodingKey {
            case format, version, spaceVersion = "space_version", settings, normalizers
        }

        // A run.json from before `space_version` existed was written with version 1.
        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            format = try c.decode(String.self, forKey: .format)
            version = try c.decode(Int.self, forKey: .version)
            spaceVersion = try c.decodeIfPresent(Int.self, forKey: .spaceVersion) ?? SpaceVersion.unversioned
            settings = try c.decode(SearchSettings.self, forKey: .settings)
            normalizers = try c.decode(Normalizers.self, forKey: .normalizers)
        }
    }

    static func settingsPath(_ dir: String) -> String { "\(dir)/run.json" }
    static func logPath(_ dir: String) -> String { "\(dir)/evaluations.jsonl" }

    /// Creates a new run; refuses a directory that already holds one.
    package static func create(_ dir: String, header: Header) throws -> RunDirectory {
        if FileManager.default.fileExists(atPath: logPath(dir)) {
            throw CoDesignError.runExists(path: dir)
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(header).write(to: URL(fileURLWithPath: settingsPath(dir)))
        FileManager.default.createFile(atPath: logPath(dir), contents: nil)
        return try RunDirectory(dir)
    }

    /// Opens an existing run for appending.
    package init(_ dir: String) throws {
        path = dir
        guard let h = FileHandle(forWritingAtPath: Self.logPath(dir)) else {
            throw CoDesignError.unreadableRun(path: dir, reason: "no evaluations.jsonl")
        }
        handle = h
        handle.seekToEndOfFile()
    }

    deinit { try? handle.close() }

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
