/// The cell instances of a flat mapped netlist as Yosys writes it (`write_verilog -noattr
/// -noexpr`): which cell drives each net and which cell pins load it.
package struct GateNetlist: Sendable {
    package struct Instance: Sendable {
        package let cell: String
        /// Pin name to net name (`_0123_`, `in_a[3]`).
        package let connections: [String: String]
    }

    package let instances: [Instance]

    package init(verilog text: String, cells: Set<String>) {
        var instances: [Instance] = []
        var current: (cell: String, connections: [String: String])?
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if current == nil {
                // "CELL name (" opens an instance.
                let parts = line.split(separator: " ")
                if parts.count >= 2, cells.contains(String(parts[0])), line.hasSuffix("(") {
                    current = (String(parts[0]), [:])
                }
                continue
            }
            if line.hasPrefix("."), let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")") {
                let pin = String(line[line.index(after: line.startIndex)..<open])
                let net = line[line.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                if !net.isEmpty { current!.connections[pin] = net }
            }
            if line.hasPrefix(");") {
                instances.append(Instance(cell: current!.cell, connections: current!.connections))
                current = nil
            }
        }
        self.instances = instances
    }

    /// Count of each cell.
    package var cellCounts: [String: Int] {
        instances.reduce(into: [:]) { $0[$1.cell, default: 0] += 1 }
    }
}
