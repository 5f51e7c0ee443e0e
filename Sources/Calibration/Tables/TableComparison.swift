import CostModel
import HardwareModules

/// Module-by-module comparison of two hardware tables (the calibrated NanGate45 table
/// against the paper's 14 nm Design Compiler figures), with an optional node scaling of the
/// first table's area to the second's node.
package struct TableComparison: Sendable {
    package struct Row: Sendable {
        package let key: String
        package let areaUM2: Double
        package let referenceAreaUM2: Double
        /// The area carried to the reference node by the logic-area factor.
        package let scaledAreaUM2: Double
        /// Dynamic energy per busy cycle, picojoules (power over clock: the two tables run
        /// at different clocks, so milliwatts would not compare).
        package let energyPJ: Double
        package let referenceEnergyPJ: Double
        /// True when the entry came from the scaling model, not a synthesis run.
        package let modelled: Bool

        package var areaRatio: Double { areaUM2 / referenceAreaUM2 }
        package var scaledAreaRatio: Double { scaledAreaUM2 / referenceAreaUM2 }
    }

    package let rows: [Row]
    /// The factor the area was divided by to carry it to the reference node.
    package let logicAreaFactor: Double

    package init(table: HardwareTable, reference: HardwareTable, logicAreaFactor: Double, modelled: Set<String>) {
        self.logicAreaFactor = logicAreaFactor
        // Only the entries the reference has a figure for (it has none for the RTL's glue).
        rows = ModuleCatalog.moduleKeys.filter { reference.module($0).areaUM2 > 0 }.map { key in
            let a = table.module(key)
            let r = reference.module(key)
            return Row(
                key: key, areaUM2: a.areaUM2, referenceAreaUM2: r.areaUM2, scaledAreaUM2: a.areaUM2 / logicAreaFactor,
                energyPJ: a.dynamicMW / table.clockMHz * 1e3, referenceEnergyPJ: r.dynamicMW / reference.clockMHz * 1e3,
                modelled: modelled.contains(key))
        }
    }

    /// The module keys a calibrated table's provenance lists under `modelled`
    /// ("key (basis); key (basis)"), so that a checked-in table can be compared without the
    /// records or the cache that produced it.
    package static func modelledKeys(of table: HardwareTable) -> Set<String> {
        let entries = (table.provenance["modelled"] ?? "").components(separatedBy: "; ")
        let keys = entries.map { $0.components(separatedBy: " (").first ?? $0 }
        return Set(keys).intersection(ModuleCatalog.moduleKeys)
    }
}
