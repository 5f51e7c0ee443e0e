/// Yosys's `stat -top` of a hierarchical netlist, summed over the hierarchy: each module's
/// own standard cells plus its submodules' and macros' as often as it instantiates them.
struct DesignStatistics {
    struct Totals {
        var areaUM2 = 0.0
        var cells = 0
        var leakageNW = 0.0
        /// Instances of modules and macros anywhere below, by type.
        var instances: [String: Int] = [:]
    }

    /// Per module: standard-cell area and counts of every cell type (cells, submodules, macros).
    let modules: [String: (area: Double, cells: [String: Int])]
    let library: LibertyLibrary

    init(stat: String, macros: Set<String>, library: LibertyLibrary) throws {
        self.library = library
        var modules: [String: (area: Double, cells: [String: Int])] = [:]
        let sections = stat.split(separator: "=== ").dropFirst().filter { !$0.hasPrefix("design hierarchy") }
        let names = Set(sections.compactMap { $0.split(separator: " ").first.map(String.init) })
        for section in sections {
            let name = String(section.split(separator: " ").first ?? "")
            let area = section.firstMatch(of: /Chip area for module '\\?[^']*':\s*([0-9.]+)/).flatMap { Double($0.1) } ?? 0
            // Submodules and macros have no area in the standard-cell liberty: drop Yosys's
            // complaint about them before the calibration's checks of the remaining cells.
            let own = section.split(separator: "\n").filter { line in
                guard let m = line.firstMatch(of: /Area for cell type \\?(\S+) is unknown/) else { return true }
                return !names.contains(String(m.1)) && !macros.contains(String(m.1))
            }.joined(separator: "\n")
            let cells = try SynthesisFlow.checkedCells(stat: own.replacingOccurrences(of: "\\", with: ""), module: name)
            modules[name] = (area, cells)
        }
        self.modules = modules
    }

    /// Totals of `module` and everything below it.
    func totals(of module: String) -> Totals {
        guard let m = modules[module] else { return Totals() }
        var t = Totals(areaUM2: m.area)
        // In name order: dictionary order varies per process and would change the last digits.
        for (type, count) in m.cells.sorted(by: { $0.key < $1.key }) {
            if modules[type] != nil {
                let sub = totals(of: type)
                t.areaUM2 += sub.areaUM2 * Double(count)
                t.cells += sub.cells * count
                t.leakageNW += sub.leakageNW * Double(count)
                t.instances[type, default: 0] += count
                for (k, v) in sub.instances { t.instances[k, default: 0] += v * count }
            } else if let cell = library.cells[type] {
                t.cells += count
                t.leakageNW += cell.leakageNW * Double(count)
            } else {
                t.instances[type, default: 0] += count
            }
        }
        return t
    }
}
