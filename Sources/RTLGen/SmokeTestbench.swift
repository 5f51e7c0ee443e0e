/// A reset smoke test of a generated top, for the FuseSoC `sim` target: every input held at
/// zero, 32 cycles after reset, then each control output (`busy`, `*_valid`, `*_ready`) must
/// be 0 or 1. Built from the top's own parameter and port declarations, so it follows the
/// template as it changes.
package struct SmokeTestbench: Sendable {
    /// Cycles run after reset before the check.
    package static let cycles = 32

    package let module: String
    package let top: String
    let parameters: [(name: String, value: String)]
    let ports: [(input: Bool, range: String, name: String)]

    /// Reads the declarations of the rendered top (ANSI style, one per line).
    init(top: String, text: String, module: String) {
        self.top = top
        self.module = module
        parameters = text.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: /\s*parameter\s+int\s+(\w+)\s*=\s*([^,]+?),?\s*/).map { (String($0.1), String($0.2)) }
        }
        ports = text.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: /\s*(input|output)\s+(?:wire\s+)?(?:logic\s+)?(\[[^\]]+\])?\s*(\w+),?\s*/).map {
                ($0.1 == "input", $0.2.map(String.init) ?? "", String($0.3))
            }
        }
    }

    /// Outputs whose value after reset must be known.
    var controlOutputs: [String] {
        ports.filter { !$0.input && ($0.name == "busy" || $0.name.hasSuffix("_valid") || $0.name.hasSuffix("_ready")) }.map(\.name)
    }

    func text(banner: String) -> String {
        var lines = [banner, "`default_nettype none", "`timescale 1ns/1ps"]
        lines.append("// Reset smoke test of \(top): inputs at zero, \(Self.cycles) cycles after reset, control outputs known.")
        lines.append("module \(module);")
        lines += parameters.map { "  localparam int \($0.name) = \($0.value);" }
        for p in ports {
            let range = p.range.isEmpty ? "" : "\(p.range) "
            switch p.name {
            case "clk": lines.append("  logic clk = 1'b0;")
            case "rst_n": lines.append("  logic rst_n = 1'b0;")
            default: lines.append(p.input ? "  logic \(range)\(p.name) = '0;" : "  logic \(range)\(p.name);")
            }
        }
        let connections = ports.map { "    .\($0.name)(\($0.name))" }.joined(separator: ",\n")
        lines.append("  \(top) u_dut (\n\(connections)\n  );")
        lines.append("  always #5 clk = ~clk;")
        let checked = controlOutputs
        lines.append("  initial begin")
        lines.append("    repeat (4) @(posedge clk);")
        lines.append("    rst_n = 1'b1;")
        lines.append("    repeat (\(Self.cycles)) @(posedge clk);")
        if !checked.isEmpty {
            lines.append("    if ((^{\(checked.joined(separator: ", "))}) === 1'bx) begin")
            lines.append("      $display(\"FAIL: a control output of \(top) is unknown after reset\");")
            lines.append("      $fatal(1);")
            lines.append("    end")
        }
        lines.append("    $display(\"PASS: \(top) reset smoke test, \(checked.count) control outputs known\");")
        lines.append("    $finish;")
        lines.append("  end")
        lines.append("endmodule")
        lines.append("`default_nettype wire")
        return lines.joined(separator: "\n") + "\n"
    }
}
