import HardwareModules

/// docs/csr.md, generated from the register description (`CSRMap`): the one source of the
/// csr RTL, this page and the offsets the testbenches and the controller use.
package enum CSRDocument {
    /// The page for datapath words of `wordBits`.
    package static func markdown(wordBits: Int) -> String {
        let map = CSRMap(wordBits: wordBits)
        var lines = [
            "<!-- Generated from HardwareModules.CSRMap: do not edit. Refresh with:",
            "     TRANSCODE_RECORD_GOLDEN=1 swift test --filter CSRDocumentTests -->",
            "# Control and status registers",
            "",
            "The `csr` module (`csr_w\(wordBits)` for a \(wordBits)-bit datapath word) is an AXI4-Lite slave with a",
            "\(CSRMap.registerBits)-bit data bus and a \(map.addressBits)-bit address. Write address and write data may arrive in",
            "either order; byte strobes are honoured. A write to a read-only or unmapped register, and a",
            "read of an unmapped one, answer SLVERR (`2'b10`) and change nothing. Access: `rw` read-write,",
            "`ro` read-only, `w1p` write 1 to pulse the field's port for one cycle (reads 0).",
            "Testbenches and the controller's host code take the offsets from `CSRMap.offset(of:)`.",
            "",
            "| offset | register | access | summary |",
            "| --- | --- | --- | --- |",
        ]
        for r in map.registers {
            lines.append("| `\(hex(r.offset))` | \(r.name) | \(r.access.rawValue) | \(r.summary) |")
        }
        lines += ["", "## Fields", "", "| register | bits | field | port | meaning |", "| --- | --- | --- | --- | --- |"]
        for r in map.registers {
            for f in r.fields {
                let bits = f.bits == 1 ? "\(f.lsb)" : "\(f.msb):\(f.lsb)"
                let whole = (map.inputPorts + map.outputPorts).first { $0.name == f.port }?.bits == f.bits
                let port = whole ? "`\(f.port)`" : "`\(f.port)[\(f.portLSB + f.bits - 1):\(f.portLSB)]`"
                lines.append("| \(r.name) | \(bits) | \(f.name) | \(port) | \(f.description) |")
            }
        }
        lines += [
            "",
            "Unlisted bits read 0. Ports toward the controller: inputs "
                + map.inputPorts.map { "`\($0.name)` (\($0.bits))" }.joined(separator: ", ") + "; outputs "
                + map.outputPorts.map { "`\($0.name)` (\($0.bits))" }.joined(separator: ", ") + ".",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func hex(_ v: Int) -> String { "0x" + String(format: "%02X", v) }
}
