/// Area and power of one hardware module instance at the table's clock.
package struct ModuleCost: Codable, Hashable, Sendable {
    /// Cell area in square micrometres.
    package var areaUM2: Double
    /// Dynamic power in milliwatts while the module is busy every cycle.
    package var dynamicMW: Double
    /// Leakage power in milliwatts.
    package var leakageMW: Double

    package init(areaUM2: Double, dynamicMW: Double, leakageMW: Double) {
        self.areaUM2 = areaUM2
        self.dynamicMW = dynamicMW
        self.leakageMW = leakageMW
    }

    enum CodingKeys: String, CodingKey {
        case areaUM2 = "area_um2"
        case dynamicMW = "dynamic_mw"
        case leakageMW = "leakage_mw"
    }

    /// The cost of `n` instances side by side.
    package func times(_ n: Double) -> ModuleCost {
        ModuleCost(areaUM2: areaUM2 * n, dynamicMW: dynamicMW * n, leakageMW: leakageMW * n)
    }
}
