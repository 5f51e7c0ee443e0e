/// What synthesis, static timing and gate-level simulation measured for one module variant.
package struct ModuleCalibration: Codable, Sendable, Equatable {
    package var module: String
    /// Cell area from Yosys `stat -liberty`, square micrometres.
    package var areaUM2: Double
    package var cellCount: Int
    package var flipFlops: Int
    /// Cell counts by liberty cell.
    package var cells: [String: Int]
    /// Sum of the cells' liberty leakage, milliwatts.
    package var leakageMW: Double
    /// Longest register-to-register or port path from OpenSTA, nanoseconds.
    package var criticalPathNS: Double
    /// Dynamic energy per busy cycle from the gate-level simulation.
    package var energy: GateLevelEnergy
    /// Average toggles per input bit per cycle of the stimulus.
    package var inputActivity: Double

    enum CodingKeys: String, CodingKey {
        case module
        case areaUM2 = "area_um2"
        case cellCount = "cell_count"
        case flipFlops = "flip_flops"
        case cells
        case leakageMW = "leakage_mw"
        case criticalPathNS = "critical_path_ns"
        case energy
        case inputActivity = "input_activity"
    }

    /// Dynamic power in milliwatts while busy every cycle at `clockMHz`.
    package func dynamicMW(atMHz clockMHz: Double) -> Double { energy.milliwatts(atMHz: clockMHz) }

    /// Highest clock this module meets alone, MHz.
    package var maximumClockMHz: Double { 1000 / criticalPathNS }
}
