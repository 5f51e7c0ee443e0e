import Foundation

/// A Liberty cell library, read once: cells with area, leakage, pin capacitances, functions
/// and internal-energy tables; the nominal voltage; the default wire-load model.
public struct LibertyLibrary: Sendable {
    public let path: String
    public let name: String
    /// Nominal supply voltage in volts.
    public let voltage: Double
    public let cells: [String: LibertyCell]
    public let wireLoad: WireLoadModel?

    public init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let root = LibertyGroup.parse(text),
            root.type == "library"
        else { throw CalibrationError.unreadableLiberty(path: path) }
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
        guard !cells.isEmpty else { throw CalibrationError.unreadableLiberty(path: path) }
        self.cells = cells
        let loads = root.groups("wire_load").compactMap(WireLoadModel.init)
        let defaultLoad = root.attributes["default_wire_load"]
        wireLoad = loads.first { $0.name == defaultLoad }
    }

    /// Leakage of each cell in nanowatts.
    public var leakageNW: [String: Double] { cells.mapValues(\.leakageNW) }
}
