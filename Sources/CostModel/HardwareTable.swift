import DesignSpace
import Foundation
import HardwareModules
import StructuredInput

/// A versioned table of module, buffer and main-memory costs with units and provenance:
/// the numbers the simulator turns into area, energy and time.
package struct HardwareTable: Codable, Sendable {
    /// The file-format version this code reads and writes. Version 2 keys modules by their
    /// canonical catalogue names (`softmax_b1_x16`, the RTL module names), version 1 had
    /// names of its own (`softmax.x16.b1`).
    package static let formatVersion = 2

    package var format: String = "transcode-hardware-table"
    package var version: Int = HardwareTable.formatVersion
    /// Short name, e.g. `nangate45` or `acceltran-14nm`.
    package var name: String
    /// Technology node and corner.
    package var technology: String
    /// Units of every field, spelled out.
    package var units: [String: String]
    /// Where the numbers come from: tools, versions, hashes, commands, date, citations.
    package var provenance: [String: String]
    /// Clock of the accelerator in MHz (the slowest module's for a calibrated table).
    package var clockMHz: Double
    /// Fixed-point format of the datapath.
    package var integerBits: Int
    package var fractionBits: Int
    /// One entry per `ModuleCatalog.moduleKeys`.
    package var modules: [String: ModuleCost] { didSet { reindex() } }
    /// One entry per `ModuleCatalog.bufferKeys`.
    package var buffers: [String: BufferCost] { didSet { reindex() } }
    /// One entry per `MainMemory.key`.
    package var mainMemory: [String: MemoryCost] { didSet { reindex() } }
    /// The entries by design-space position, for `costs(for:)`.
    private(set) var index: CostIndex

    enum CodingKeys: String, CodingKey {
        case format, version, name, technology, units, provenance
        case clockMHz = "clock_mhz"
        case integerBits = "integer_bits"
        case fractionBits = "fraction_bits"
        case modules, buffers
        case mainMemory = "main_memory"
    }

    package init(
        name: String, technology: String, provenance: [String: String], clockMHz: Double,
        integerBits: Int, fractionBits: Int, modules: [String: ModuleCost],
        buffers: [String: BufferCost], mainMemory: [String: MemoryCost]
    ) {
        self.name = name
        self.technology = technology
        self.units = Self.standardUnits
        self.provenance = provenance
        self.clockMHz = clockMHz
        self.integerBits = integerBits
        self.fractionBits = fractionBits
        self.modules = modules
        self.buffers = buffers
        self.mainMemory = mainMemory
        index = CostIndex(modules: modules, buffers: buffers, mainMemory: mainMemory)
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        name = try c.decode(String.self, forKey: .name)
        technology = try c.decode(String.self, forKey: .technology)
        units = try c.decode([String: String].self, forKey: .units)
        provenance = try c.decode([String: String].self, forKey: .provenance)
        clockMHz = try c.decode(Double.self, forKey: .clockMHz)
        integerBits = try c.decode(Int.self, forKey: .integerBits)
        fractionBits = try c.decode(Int.self, forKey: .fractionBits)
        modules = try c.decode([String: ModuleCost].self, forKey: .modules)
        buffers = try c.decode([String: BufferCost].self, forKey: .buffers)
        mainMemory = try c.decode([String: MemoryCost].self, forKey: .mainMemory)
        index = CostIndex(modules: modules, buffers: buffers, mainMemory: mainMemory)
    }

    private mutating func reindex() {
        index = CostIndex(modules: modules, buffers: buffers, mainMemory: mainMemory)
    }

    package static let standardUnits = [
        "area_um2": "square micrometres", "dynamic_mw": "milliwatts at full activity and clock_mhz",
        "leakage_mw": "milliwatts", "clock_mhz": "megahertz",
        "area_um2_per_mb": "square micrometres per megabyte", "leakage_mw_per_mb": "milliwatts per megabyte",
        "access_energy_nj_per_block": "nanojoules per 64-byte block", "bandwidth_gb_s": "gigabytes per second",
    ]

    /// Bits of one stored value.
    package var wordBits: Int { integerBits + fractionBits }

    /// The module cost under `key`; `validate()` guarantees presence for loaded tables.
    package func module(_ key: String) -> ModuleCost { modules[key]! }

    /// Checks that the table holds exactly the entries the design space needs.
    package func validate() throws {
        guard version == Self.formatVersion else {
            throw CostModelError.unsupportedVersion(table: name, found: version, supported: Self.formatVersion)
        }
        let needed = ModuleCatalog.moduleKeys
        for key in needed where modules[key] == nil { throw CostModelError.missingEntry(table: name, entry: key) }
        for key in modules.keys.sorted() where !needed.contains(key) {
            throw CostModelError.unknownEntry(table: name, entry: key)
        }
        for key in ModuleCatalog.bufferKeys where buffers[key] == nil {
            throw CostModelError.missingEntry(table: name, entry: "buffers.\(key)")
        }
        for key in buffers.keys.sorted() where !ModuleCatalog.bufferKeys.contains(key) {
            throw CostModelError.unknownEntry(table: name, entry: "buffers.\(key)")
        }
        let memories = MainMemory.all.map(\.key)
        for key in memories where mainMemory[key] == nil {
            throw CostModelError.missingEntry(table: name, entry: "main_memory.\(key)")
        }
        for key in mainMemory.keys.sorted() where !memories.contains(key) {
            throw CostModelError.unknownEntry(table: name, entry: "main_memory.\(key)")
        }
        for (key, cost) in modules {
            for (field, value) in [("area_um2", cost.areaUM2), ("dynamic_mw", cost.dynamicMW), ("leakage_mw", cost.leakageMW)]
            where !(value.isFinite && value >= 0) {
                throw CostModelError.invalidNumber(table: name, entry: key, field: field)
            }
        }
        guard clockMHz.isFinite && clockMHz > 0 else {
            throw CostModelError.invalidNumber(table: name, entry: "clock_mhz", field: "value")
        }
    }

    /// Reads and validates a table file.
    package static func load(path: String) throws -> HardwareTable {
        // Through the bounded reader: a directory, a device or a huge file is refused before
        // it is read, and strict JSON gives a line and a column (and refuses duplicate keys)
        // where JSONDecoder would say nothing useful.
        let data: Data
        do throws(StructuredInputError) {
            data = try InputFile.read(path)
            try JSONText.check(data, source: path)
        } catch {
            throw CostModelError.unreadable(path: path, reason: error.reason)
        }
        let table: HardwareTable
        do {
            table = try JSONDecoder().decode(HardwareTable.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let where_ = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw CostModelError.unreadable(path: path, reason: "missing field '\(where_)'")
        } catch {
            throw CostModelError.unreadable(
                path: path, reason: "not a hardware table (JSON with format, version, modules, buffers, main_memory)")
        }
        try table.validate()
        return table
    }

    /// The table as stable, sorted JSON text.
    package func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }
}
