import CostModel
import DesignSpace
import Foundation

/// Wall-clock figures of the simulator, for `transcode benchmark simulator`.
package enum SimulatorBenchmark {
    /// One measured pair.
    package struct Row: Sendable {
        package let pair: FastModeReference.Pair
        package let cycleSeconds: Double
        package let fastSeconds: Double
        package let cycles: Int
        package let fastCycles: Int
        package let energyJ: Double
        package let fastEnergyJ: Double

        package var latencyError: Double { abs(Double(fastCycles - cycles)) / Double(cycles) }
        package var energyError: Double { abs(fastEnergyJ - energyJ) / energyJ }
        package var simulatedCyclesPerSecond: Double { Double(cycles) / cycleSeconds }
        package var speedup: Double { cycleSeconds / fastSeconds }
    }

    /// Times every reference pair in both modes, each as a median so that a burst of load on
    /// the machine moves neither: the cycle-level mode over `cycleRuns` runs, the fast mode
    /// over `fastBatches` batches, each the mean of at least `fastRepeats` runs and
    /// `batchSeconds` of wall time (one microsecond-scale run is below the clock's resolution).
    package static func run(
        table: HardwareTable, cycleRuns: Int = 5, fastBatches: Int = 11, fastRepeats: Int = 200,
        batchSeconds: Double = 0.005
    ) throws -> [Row] {
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        return try FastModeReference.pairs.map { pair in
            var request = SimulationRequest(
                model: try Catalog.model(pair.model), accelerator: try Catalog.accelerator(pair.accelerator),
                table: table, workload: pair.workload)
            let clock = ContinuousClock()
            var cycle: SimulationResult!
            let cycleTimes = (0..<cycleRuns).map { _ in clock.measure { cycle = Simulator.simulate(request) }.seconds }
            request.fidelity = .fast
            var fast: SimulationResult!
            let fastTimes = (0..<fastBatches).map { _ in
                var runs = 0
                let start = clock.now
                repeat {
                    for _ in 0..<fastRepeats { fast = Simulator.simulate(request) }
                    runs += fastRepeats
                } while (clock.now - start).seconds < batchSeconds
                return (clock.now - start).seconds / Double(runs)
            }
            return Row(
                pair: pair, cycleSeconds: median(cycleTimes), fastSeconds: median(fastTimes),
                cycles: cycle.cycles, fastCycles: fast.cycles,
                energyJ: cycle.totalDynamicEnergyJ + cycle.totalLeakageEnergyJ,
                fastEnergyJ: fast.totalDynamicEnergyJ + fast.totalLeakageEnergyJ)
        }
    }

    /// Peak resident memory of this process in bytes (Linux VmHWM), or nil elsewhere.
    package static func peakResidentBytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kb * 1024
    }
}
