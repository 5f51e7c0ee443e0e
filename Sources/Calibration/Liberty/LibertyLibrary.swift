import Foundation
import StructuredInput

/// A Liberty cell library, read once: cells with area, leakage, pin capacitances, functions
/// and internal-energy tables; the nominal voltage; the default wire-load model.
package struct LibertyLibrary: Sendable {
    package let path: String
    package let name: String
    /// Nominal supply voltage in volts.
    package let voltage: Double
    package let cells: [String: LibertyCell]
    package let wireLoad: WireLoadModel?

    /// Far above NanGate45's 7 MB liberty, far below what would exhaust memory.
    package static let maximumBytes = 64 << 20

    package init(path: String) throws {
        let text: String
        do throws(StructuredInputError) {
            text = try InputFile.text(path, maximumBytes: Self.maximumBytes)
        } catch .noSuchFile {
            // Only a missing file is helped by the setup hint; anything else is a wrong file.
            throw CalibrationError.unreadableLiberty(path: path)
        } catch {
            throw CalibrationError.unreadableFile(path: path, reason: error.reason)
        }
        let root = try LibertyGroup.parse(text, source: path)
        guard root.type == "library" else {
            throw CalibrationError.notLiberty(path: path, line: 1, problem: "the top group is '\(root.type)', not 'library'")
        }
        self.path = path
        name = root.arguments.first ?? ""
        voltage = root.number("nom_voltage") ?? 1
        let unit = root.attributes["leakage_power_unit"] ?? "1nW"
        let toNW: Double =
            switch unit.drop(while: { $0.isNumber }) {
            case "pW": 1e-3
            case "uW": 1e3
            case "mW": 1e6
            case "W": 1e9
            default: 1
            }
        var cells: [String: LibertyCell] = [:]
        for g in root.groups("cell") {
            let cell = LibertyCell(g, leakageToNW: toNW)
            cells[cell.name] = cell
        }
        guard !cells.isEmpty else { throw CalibrationError.notLiberty(path: path, line: nil, problem: "it has no cell groups") }
        self.cells = cells
        let loads = root.groups("wire_load").compactMap(WireLoadModel.init)
        let defaultLoad = root.attributes["default_wire_load"]
        wireLoad = loads.first { $0.name == defaultLoad }
    }

    /// Leakage of each cell in nanowatts.
    package var leakageNW: [String: Double] { cells.mapValues(\.leakageNW) }
}
