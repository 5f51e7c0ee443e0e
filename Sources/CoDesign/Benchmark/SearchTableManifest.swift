import Foundation

/// The small checked-in record of a cached search table (`data/search-table.json`): how to
/// regenerate it and the content hash it must have, so a benchmark can tell that its cached
/// table is the one the figures came from.
package struct SearchTableManifest: Codable, Sendable, Equatable {
    package var command: String
    /// Where the command wrote the table (git-ignored; regenerate it with `command`).
    package var file: String
    package var pairs: Int
    package var seed: UInt64
    package var commit: String?
    package var bytes: Int
    package var hash: String
    package var objectiveScaleSource: String
    /// Wall time of the generation, and the cores it had (the machine may have been shared).
    package var seconds: Double
    package var cores: Int

    enum CodingKeys: String, CodingKey {
        case command, file, pairs, seed, commit, bytes, hash, seconds, cores
        case objectiveScaleSource = "objective_scale_source"
    }

    package init(
        command: String, file: String, pairs: Int, seed: UInt64, commit: String?, bytes: Int, hash: String, objectiveScaleSource: String,
        seconds: Double, cores: Int
    ) {
        self.command = command
        self.file = file
        self.pairs = pairs
        self.seed = seed
        self.commit = commit
        self.bytes = bytes
        self.hash = hash
        self.objectiveScaleSource = objectiveScaleSource
        self.seconds = seconds
        self.cores = cores
    }

    package func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try (encoder.encode(self) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CoDesignError.unusableRunDirectory(path: path, reason: "cannot write the manifest there")
        }
    }

    /// Reads a manifest; the error names the file.
    package static func read(path: String) throws -> SearchTableManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoDesignError.unreadableData(path: path, reason: "no such file")
        }
        do {
            return try JSONDecoder().decode(SearchTableManifest.self, from: data)
        } catch {
            throw CoDesignError.unreadableData(path: path, reason: "not a search-table manifest")
        }
    }
}
