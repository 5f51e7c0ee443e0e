/// Area, timing and leakage of a whole generated design (its PE and its top).
package struct DesignSynthesisReport: Sendable {
    /// OpenSTA's worst path of one module against the design's SDC.
    package struct Timing: Sendable {
        package let module: String
        /// The SDC's clock period, ns.
        package let periodNS: Double
        package let slackNS: Double
        package let startpoint: String
        package let endpoint: String
        /// The period at which the worst path just meets its constraints, ns.
        package var criticalPathNS: Double { periodNS - slackNS }
        /// The clock that period allows, MHz.
        package var maximumClockMHz: Double { 1000 / criticalPathNS }
    }

    package let top: String
    package let pe: String
    package let peCount: Int
    /// Standard-cell area of one PE and of the whole top (PEs included), um^2.
    package let peLogicAreaUM2: Double
    package let topLogicAreaUM2: Double
    /// Standard cells in the whole top.
    package let topCells: Int
    /// SRAM shapes and how many instances of each the top holds.
    package let macros: [(macro: SRAMMacro, count: Int)]
    package let peTiming: Timing
    package let topTiming: Timing
    /// The top's worst path that starts at an SRAM macro (its clock-to-output arc).
    package let sramReadTiming: Timing?
    /// Leakage of the top's standard cells (liberty figures), mW.
    package let logicLeakageMW: Double
    /// Wall time of the Yosys run, seconds (for the benchmark; varies with load).
    package let synthesisSeconds: Double

    /// Area of the SRAM macros, um^2.
    package var sramAreaUM2: Double { macros.reduce(0) { $0 + $1.macro.areaUM2 * Double($1.count) } }
    /// Leakage of the SRAM macros, mW.
    package var sramLeakageMW: Double { macros.reduce(0) { $0 + $1.macro.leakageMW * Double($1.count) } }
}
