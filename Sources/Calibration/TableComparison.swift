import CostModel

/// Module-by-module comparison of two hardware tables (the calibrated NanGate45 table
/// against the paper's 14 nm Design Compiler figures), with an optional node scaling of the
/// first table's area to the second's node.
public struct TableComparison: Sendable {
    public struct Row: Sendable {
        public let key: String
        public let areaUM2: Double
        public let referenceAreaUM2: Double
        /// The area carried to the reference node by the logic-area factor.
        public let scaledAreaUM2: Double
        public let dynamicMW: Double
        public let referenceDynamicMW: Double
        /// True when the entry came from the scaling model, not a synthesis run.
        public let modelled: Bool

        public var areaRatio: Double { areaUM2 / referenceAreaUM2 }
        public var scaledAreaRatio: Double { scaledAreaUM2 / referenceAreaUM2 }
    }

    public let rows: [Row]

    public init(table: HardwareTable, reference: HardwareTable, logicAreaFactor: Double, modelled: Set<String>) {
        rows = ModuleKey.all.map { key in
            let a = table.module(key)
            let r = reference.module(key)
            return Row(key: key, areaUM2: a.areaUM2, referenceAreaUM2: r.areaUM2, scaledAreaUM2: a.areaUM2 / logicAreaFactor,
                       dynamicMW: a.dynamicMW, referenceDynamicMW: r.dynamicMW, modelled: modelled.contains(key))
        }
    }
}
