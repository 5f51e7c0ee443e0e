import DesignSpace
import Dispatch
import Foundation

/// The table's file: one line of JSON provenance, a CSV header, then one CSV line per pair
/// (the transformer embedding as space-separated integers, the accelerator index, the
/// thresholds, the raw figures, the performance and the four hypervolume objectives).
/// Numbers are written in Swift's shortest round-trip form, so reading gives the same doubles.
extension SearchTable {
    static let columns = [
        "embedding", "accelerator_index", "tau_i", "tau_t", "accuracy", "latency_ms", "area_mm2", "dynamic_energy_j",
        "leakage_energy_j", "layers", "performance", "hv_accuracy", "hv_latency", "hv_area", "hv_energy",
    ]

    /// The file's bytes.
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = String(decoding: try encoder.encode(provenance), as: UTF8.self) + "\n" + Self.columns.joined(separator: ",") + "\n"
        text.reserveCapacity(rows.count * 260)
        for r in rows {
            let m = r.measurement
            let fields: [String] =
                [
                    TransformerSpace.embedding(of: r.point.model).map(String.init).joined(separator: " "),
                    String(AcceleratorSpace.index(of: r.point.accelerator)), "\(r.point.tauI)", "\(r.point.tauT)", "\(m.accuracy)",
                    "\(m.latencyMS)", "\(m.areaMM2)", "\(m.dynamicEnergyJ)", "\(m.leakageEnergyJ)", String(m.layers), "\(r.performance)",
                ] + r.objectives.map { "\($0)" }
            text += fields.joined(separator: ",") + "\n"
        }
        return Data(text.utf8)
    }

    /// Writes the table to `path` (creating its folder) and returns its size in bytes and content hash.
    package func write(to path: String) throws -> (bytes: Int, hash: String) {
        let data = try encoded()
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CoDesignError.unusableRunDirectory(path: path, reason: "cannot write the table there")
        }
        return (data.count, Self.contentHash(data))
    }

    /// FNV-1a (64-bit), in hex, of the file's bytes after its provenance line: the pairs and
    /// their figures. The provenance (which names the commit) is left out, so the command run
    /// again at a later commit that scores every pair the same gives the same hash. Enough to
    /// tell whether a cached table is the one a manifest describes, not a defence against tampering.
    package static func contentHash(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let body = data.firstIndex(of: UInt8(ascii: "\n")).map { data.index(after: $0) } ?? data.startIndex
        for byte in data[body...] {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return "fnv1a64:" + String(format: "%016llx", h)
    }

    /// Reads a table file; the error names the file and the line.
    package static func read(path: String) throws -> (table: SearchTable, hash: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoDesignError.unreadableData(path: path, reason: "no such file")
        }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        @Sendable func fail(_ line: Int, _ reason: String) -> CoDesignError {
            .unreadableData(path: path, reason: "line \(line): \(reason)")
        }
        guard lines.count >= 2, let provenance = try? JSONDecoder().decode(Provenance.self, from: Data(lines[0])) else {
            throw fail(1, "not a search table (the first line is not its provenance; generate one with the search-table benchmark)")
        }
        guard provenance.format == format, provenance.version == version else {
            throw fail(1, "\(provenance.format) version \(provenance.version), and this build reads \(format) version \(version)")
        }
        guard provenance.spaceVersion == SpaceVersion.current else {
            throw fail(1, "design-space version \(provenance.spaceVersion), and this build reads only version \(SpaceVersion.current)")
        }
        guard String(decoding: lines[1], as: UTF8.self) == columns.joined(separator: ",") else {
            throw fail(2, "the header is not \(columns.joined(separator: ","))")
        }
        let body = lines.dropFirst(2).filter { !$0.isEmpty }
        guard body.count == provenance.pairs else {
            throw fail(lines.count, "\(body.count) pairs, and the provenance says \(provenance.pairs) (a truncated file?)")
        }
        let results = UnsafeMutableBufferPointer<Result<Row, CoDesignError>?>.allocate(capacity: body.count)
        defer { results.deallocate() }
        results.initialize(repeating: nil)
        nonisolated(unsafe) let out = results
        let start = body.startIndex
        DispatchQueue.concurrentPerform(iterations: body.count) { k in
            do {
                out[k] = .success(try parseRow(body[start + k]))
            } catch {
                out[k] = .failure(fail(k + 3, String(describing: error)))
            }
        }
        let rows = try results.map { try $0!.get() }
        return (SearchTable(provenance: provenance, rows: rows), contentHash(data))
    }

    static func parseRow(_ line: Data.SubSequence) throws(CoDesignError) -> Row {
        let fields = String(decoding: line, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == columns.count else {
            throw .invalidSetting(name: "row", value: "of \(fields.count) fields", allowed: "\(columns.count)")
        }
        let numbers = fields.dropFirst().map { Double($0) }
        guard numbers.allSatisfy({ $0 != nil && $0!.isFinite }) else {
            throw .invalidSetting(name: "row", value: String(fields.dropFirst().joined(separator: ",")), allowed: "finite numbers")
        }
        let v = numbers.map { $0! }
        let embedding = fields[0].split(separator: " ").compactMap { Int($0) }
        guard let model = try? TransformerSpace.model(embedding: embedding),
            let accelerator = try? AcceleratorSpace.config(at: Int(v[0]))
        else {
            throw .invalidSetting(
                name: "pair", value: "\(fields[0]) | \(fields[1])", allowed: "a transformer embedding and accelerator index of the space")
        }
        let m = PairMeasurement(
            accuracy: v[3], latencyMS: v[4], areaMM2: v[5], dynamicEnergyJ: v[6], leakageEnergyJ: v[7], layers: Int(v[8]))
        return Row(
            point: DesignPoint(model: model, accelerator: accelerator, tauI: v[1], tauT: v[2]), measurement: m, performance: v[9],
            objectives: Array(v[10...13]))
    }
}
