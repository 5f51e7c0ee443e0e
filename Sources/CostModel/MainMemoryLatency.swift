import DesignSpace
import Foundation
import StructuredInput

/// First-access latency of each main-memory type (`main_memory_latency` in
/// data/memory-models.json): the figure the AXI memory model turns into cycles at a
/// design's clock. Bandwidth is not here: it is the hardware table's `main_memory` figure
/// (`MemoryBandwidthModel`), the one the simulator uses.
package struct MainMemoryLatency: Sendable, Equatable {
    /// One memory type's latencies.
    package struct Figure: Codable, Sendable, Equatable {
        /// Nanoseconds from a read request to its first data.
        package let readNS: Double
        /// Nanoseconds from a write's last data to its acknowledgement.
        package let writeNS: Double
        package let citation: String

        enum CodingKeys: String, CodingKey {
            case readNS = "read_ns"
            case writeNS = "write_ns"
            case citation
        }
    }

    package let figures: [MainMemory.Kind: Figure]

    /// The figure of `kind`; every kind is present in a loaded value.
    package func figure(_ kind: MainMemory.Kind) -> Figure { figures[kind]! }

    private struct File: Decodable {
        let section: [String: Figure]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            let s = try c.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: MainMemoryLatency.section))
            var figures: [String: Figure] = [:]
            for kind in MainMemory.Kind.allCases {
                figures[kind.rawValue] = try s.decode(Figure.self, forKey: Key(stringValue: kind.rawValue))
            }
            section = figures
        }
    }

    /// The section of memory-models.json that holds the figures.
    package static let section = "main_memory_latency"

    package static func load(path: String) throws -> MainMemoryLatency {
        let data: Data
        do throws(StructuredInputError) {
            data = try InputFile.read(path)
            try JSONText.check(data, source: path)
        } catch {
            throw CostModelError.unreadableLatency(path: path, reason: error.reason)
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let where_ = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw CostModelError.unreadableLatency(path: path, reason: "missing field '\(where_)'")
        } catch {
            throw CostModelError.unreadableLatency(
                path: path, reason: "\(section) must map rram, dram and hbm to read_ns, write_ns, citation")
        }
        var figures: [MainMemory.Kind: Figure] = [:]
        for kind in MainMemory.Kind.allCases {
            let f = file.section[kind.rawValue]!
            for (name, value) in [("read_ns", f.readNS), ("write_ns", f.writeNS)] where !(value.isFinite && value > 0) {
                throw CostModelError.unreadableLatency(path: path, reason: "\(section).\(kind.rawValue).\(name) must be a number > 0")
            }
            figures[kind] = f
        }
        return MainMemoryLatency(figures: figures)
    }
}
