import Elector
import Foundation
import RTLSim

extension Render {
    /// Ratio as printed: three decimals, "-" when neither side is busy.
    static func validationRatio(_ r: Double?) -> String {
        guard let r else { return "-" }
        return r.isFinite ? String(format: "%.3f", r) : "inf"
    }

    /// The validation table: one line per program, then how many are within 5%.
    static func validationTable(_ rows: [TimingValidation.Row]) -> String {
        let classes = ModuleClassBusy.allCases
        let width = max(7, rows.map(\.program.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        var text = "program".padding(toLength: width, withPad: " ", startingAt: 0) + pad("RTL cycles", 12) + pad("sim cycles", 12)
        text += pad("ratio", 7) + classes.map { pad($0.rawValue, 11) }.joined() + "\n"
        for row in rows {
            text += row.program.padding(toLength: width, withPad: " ", startingAt: 0) + pad("\(row.rtlCycles)", 12)
            text += pad("\(row.modelCycles)", 12) + pad(validationRatio(row.ratio), 7)
            text += classes.map { pad(validationRatio(row.busyRatio($0)), 11) }.joined() + "\n"
        }
        let within = rows.filter { $0.worstError <= 0.05 }.count
        let worst = rows.map(\.worstError).max() ?? 0
        text +=
            "within 5% in total and every class: \(within) of \(rows.count) programs (largest difference \(String(format: "%.1f", worst * 100))%)\n"
        return text
    }

    static func validationCSV(_ rows: [TimingValidation.Row]) -> String {
        let classes = ModuleClassBusy.allCases
        var text = "program,instructions,rtl_cycles,sim_cycles,ratio"
        text += classes.map { ",rtl_busy_\($0.rawValue),sim_busy_\($0.rawValue)" }.joined() + "\n"
        for row in rows {
            text += "\(row.program),\(row.instructions),\(row.rtlCycles),\(row.modelCycles),\(String(format: "%.4f", row.ratio))"
            text += classes.map { ",\(row.rtlBusy[$0] ?? 0),\(row.modelBusy[$0] ?? 0)" }.joined() + "\n"
        }
        return text
    }

    static func validationJSON(_ rows: [TimingValidation.Row]) -> String {
        let objects: [[String: Any]] = rows.map { row in
            [
                "program": row.program, "instructions": row.instructions, "rtl_cycles": row.rtlCycles, "sim_cycles": row.modelCycles,
                "ratio": (row.ratio * 10_000).rounded() / 10_000,
                "rtl_busy": Dictionary(uniqueKeysWithValues: ModuleClassBusy.allCases.map { ($0.rawValue, row.rtlBusy[$0] ?? 0) }),
                "sim_busy": Dictionary(uniqueKeysWithValues: ModuleClassBusy.allCases.map { ($0.rawValue, row.modelBusy[$0] ?? 0) }),
            ]
        }
        return json(objects) + "\n"
    }
}
