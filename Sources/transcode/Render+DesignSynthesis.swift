import Calibration
import Foundation

extension Render {
    /// The `rtl synth` report: area split into logic and SRAM macros, the clock of the PE and
    /// the top with their critical paths, and leakage.
    static func designSynthesis(_ r: DesignSynthesisReport, directory: String) -> String {
        func f(_ v: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", v) }
        func mm2(_ um2: Double) -> String { f(um2 / 1e6, 4) }
        var lines = ["synthesised \(r.top) (\(r.peCount) PEs) on NanGate45 in \(directory) (yosys \(f(r.synthesisSeconds)) s)"]
        lines.append("area")
        lines.append("  PE logic          \(f(r.peLogicAreaUM2)) um^2 (\(mm2(r.peLogicAreaUM2)) mm^2)")
        lines.append("  top logic         \(f(r.topLogicAreaUM2)) um^2 (\(mm2(r.topLogicAreaUM2)) mm^2), \(r.topCells) cells")
        for (m, count) in r.macros {
            lines.append(
                "  SRAM \(m.name)  \(count) x \(f(m.areaUM2)) um^2 (\(m.kind), \(m.width) x \(m.depth) bits, \(f(m.megabytes, 3)) MB)")
        }
        lines.append("  SRAM macros       \(f(r.sramAreaUM2)) um^2 (\(mm2(r.sramAreaUM2)) mm^2)")
        lines.append("  total             \(mm2(r.topLogicAreaUM2 + r.sramAreaUM2)) mm^2")
        lines.append("clock (SDC period \(f(r.topTiming.periodNS, 3)) ns)")
        for t in [r.peTiming, r.topTiming] {
            lines.append(
                "  \(t.module): critical path \(f(t.criticalPathNS, 3)) ns (\(f(t.maximumClockMHz)) MHz), slack \(f(t.slackNS, 3)) ns, from \(t.startpoint) to \(t.endpoint)"
            )
        }
        if let t = r.sramReadTiming {
            lines.append(
                "  SRAM read path: \(f(t.criticalPathNS, 3)) ns, slack \(f(t.slackNS, 3)) ns, from \(t.startpoint) to \(t.endpoint)")
        }
        lines.append("leakage")
        lines.append("  logic             \(f(r.logicLeakageMW, 3)) mW")
        lines.append("  SRAM macros       \(f(r.sramLeakageMW, 1)) mW")
        return lines.joined(separator: "\n") + "\n"
    }
}
