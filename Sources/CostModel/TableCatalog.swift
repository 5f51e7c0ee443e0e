import Foundation
import ProjectLayout

/// Resolves a hardware-table name or path to a loaded, validated table.
package enum TableCatalog {
    /// Shipped tables and their files under synth/.
    package static let shipped: [String: String] = [
        "acceltran-14nm": "synth/acceltran-14nm.json",
        "nangate45": "synth/nangate45.json",
    ]

    /// The table used when none is named: the calibrated NanGate45 table once it is checked in,
    /// the paper's 14 nm table otherwise.
    package static var defaultName: String {
        FileManager.default.fileExists(atPath: ProjectFiles.path(shipped["nangate45"]!)) ? "nangate45" : "acceltran-14nm"
    }

    /// A shipped name or a file path.
    package static func load(_ reference: String?) throws -> HardwareTable {
        let name = reference ?? defaultName
        if let relative = shipped[name] { return try HardwareTable.load(path: ProjectFiles.path(relative)) }
        guard name.contains("/") || name.hasSuffix(".json") else {
            throw CostModelError.unknownTable(name: name, known: shipped.keys.sorted())
        }
        return try HardwareTable.load(path: name)
    }
}
