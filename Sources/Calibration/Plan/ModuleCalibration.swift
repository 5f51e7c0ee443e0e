/// What synthesis, static timing and gate-level simulation measured for one module variant.
public struct ModuleCalibration: Codable, Sendable, Equatable {
    public var module: String
    /// Cell area from Yosys `stat -liberty`, square micrometres.
    public var areaUM2: Double
    public var cellCount: Int
    public var flipFlops: Int
    /// Cell counts by liberty cell.
    public var cells: [String: Int]
    /// Sum of the cells' liberty leakage, milliwatts.
    public var leakageMW: Double
    /// Longest register-to-register or port path from OpenSTA, nanoseconds.
    public var criticalPathNS: Double
    /// Dynamic energy per busy cycle from the gate-level simulation.
    public var energy: GateLevelEnergy
    /// Average toggles per input bit per cycle of the stimulus.
    public var inputActivity: Double

    enum CodingKeys: String, CodingKey {
        case module, areaUM2 = "area_um2", cellCount = "cell_count", flipFlops = "flip_flops", cells
        case leakageMW = "leakage_mw", criticalPathNS = "critical_path_ns", energy, inputActivity = "input_activity"
    }

    /// Dynamic power in milliwatts while busy every cycle at `clockMHz`.
    public func dynamicMW(atMHz clockMHz: Double) -> Double { energy.milliwatts(atMHz: clockMHz) }

    /// Highest clock this module meets alone, MHz.
    public var maximumClockMHz: Double { 1000 / criticalPathNS }
}
