/// Per-bit transition counts of one scope's signals from a value-change dump (VCD): every
/// 0->1 and 1->0 change of each bit. Changes to or from x and z are not transitions (a
/// flip-flop leaving its unknown power-up state has not switched).
package struct ToggleCounts: Sendable {
    /// Bit name as the netlist spells it (`_0123_`, `in_a[3]`) to transitions.
    package let toggles: [String: Int]

    /// Reads a VCD whose variables were dumped at one level (`$dumpvars(1, dut)`).
    package init(vcd bytes: [UInt8]) {
        struct Variable {
            var names: [String]  // one per bit, least significant first
            var value: [UInt8]  // current bit values, least significant first
            var counts: [Int]
        }
        var variables: [Substring: Int] = [:]
        var table: [Variable] = []
        let text = Substring(decoding: bytes, as: UTF8.self)
        var inHeader = true
        func apply(_ id: Substring, _ newBits: Substring) {
            guard let k = variables[id] else { return }
            let width = table[k].value.count
            // Vectors are written most significant bit first, left-extended with the first bit.
            let chars = Array(newBits.utf8)
            for bit in 0..<width {
                let c: UInt8
                if bit < chars.count {
                    c = chars[chars.count - 1 - bit]
                } else {
                    c = chars.first == UInt8(ascii: "1") ? UInt8(ascii: "0") : chars.first ?? UInt8(ascii: "0")
                }
                let old = table[k].value[bit]
                if (c == UInt8(ascii: "0") || c == UInt8(ascii: "1")) && (old == UInt8(ascii: "0") || old == UInt8(ascii: "1")) && c != old
                {
                    table[k].counts[bit] += 1
                }
                table[k].value[bit] = c
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if inHeader {
                if line.hasPrefix("$var") {
                    // $var wire 8 !# in_a [7:0] $end
                    let f = line.split(separator: " ")
                    guard f.count >= 5, let width = Int(f[2]) else { continue }
                    let name = String(f[4])
                    var names: [String]
                    if width == 1 {
                        // A single bit of a vector may be dumped as "name [3]".
                        names = [f.count >= 7 && f[5].hasPrefix("[") ? name + f[5] : name]
                    } else {
                        var low = 0
                        if f.count >= 6, let r = f[5].firstMatch(of: /\[(\d+):(\d+)\]/), let lo = Int(r.2) { low = min(lo, Int(r.1) ?? lo) }
                        names = (0..<width).map { "\(name)[\(low + $0)]" }
                    }
                    variables[f[3]] = table.count
                    table.append(
                        Variable(
                            names: names, value: [UInt8](repeating: UInt8(ascii: "x"), count: width),
                            counts: [Int](repeating: 0, count: width)))
                } else if line.hasPrefix("$enddefinitions") {
                    inHeader = false
                }
                continue
            }
            guard let first = line.first else { continue }
            switch first {
            case "0", "1", "x", "z", "X", "Z":
                apply(line.dropFirst(), line.prefix(1))
            case "b", "B":
                let parts = line.dropFirst().split(separator: " ")
                if parts.count == 2 { apply(parts[1], parts[0]) }
            default:
                continue  // #time, $dumpvars, real values
            }
        }
        var toggles: [String: Int] = [:]
        for v in table {
            for (name, count) in zip(v.names, v.counts) { toggles[name, default: 0] += count }
        }
        self.toggles = toggles
    }
}
