/// What synthesis, static timing and power analysis measured for one module variant.
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
    /// OpenSTA internal + switching power at `analysisClockMHz` with `inputActivity`, milliwatts.
    public var dynamicMW: Double
    public var analysisClockMHz: Double
    /// Average toggles per input bit per cycle of the stimulus the module was measured with.
    public var inputActivity: Double

    enum CodingKeys: String, CodingKey {
        case module, areaUM2 = "area_um2", cellCount = "cell_count", flipFlops = "flip_flops", cells
        case leakageMW = "leakage_mw", criticalPathNS = "critical_path_ns", dynamicMW = "dynamic_mw"
        case analysisClockMHz = "analysis_clock_mhz", inputActivity = "input_activity"
    }

    /// Dynamic power scaled to another clock (dynamic power is proportional to frequency).
    public func dynamicMW(atMHz f: Double) -> Double { dynamicMW * f / analysisClockMHz }
}
