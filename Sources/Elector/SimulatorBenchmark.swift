import CostModel
import DesignSpace
import Foundation

/// Wall-clock figures of the simulator, for `transcode benchmark simulator`.
public enum SimulatorBenchmark {
    /// One measured pair.
    public struct Row: Sendable {
        public let pair: FastModeReference.Pair
        public let cycleSeconds: Double
        public let fastSeconds: Double
        public let cycles: Int
        public let fastCycles: Int
        public let energyJ: Double
        public let fastEnergyJ: Double

        public var latencyError: Double { abs(Double(fastCycles - cycles)) / Double(cycles) }
        public var energyError: Double { abs(fastEnergyJ - energyJ) / energyJ }
        public var simulatedCyclesPerSecond: Double { Double(cycles) / cycleSeconds }
        public var speedup: Double { cycleSeconds / fastSeconds }
    }

    /// Times every reference pair in both modes: the cycle-level mode as the median of
    /// `cycleRuns` runs, the fast mode as the mean over at least `fastRepeats` runs and at
    /// least `fastSeconds` of wall time (a single microsecond-scale run is below the clock's
    /// resolution and dominated by cold caches).
    public static func run(table: HardwareTable, cycleRuns: Int = 3, fastRepeats: Int = 200, fastSeconds: Double = 0.05) throws -> [Row] {
        try FastModeReference.pairs.map { pair in
            var request = SimulationRequest(
                model: try Catalog.model(pair.model), accelerator: try Catalog.accelerator(pair.accelerator),
                table: table, workload: pair.workload)
            let clock = ContinuousClock()
            var cycle: SimulationResult!
            let cycleTimes = (0..<cycleRuns).map { _ in clock.measure { cycle = Simulator.simulate(request) }.seconds }
            request.fidelity = .fast
            var fast: SimulationResult!
            var runs = 0
            let start = clock.now
            repeat {
                for _ in 0..<fastRepeats { fast = Simulator.simulate(request) }
                runs += fastRepeats
            } while (clock.now - start).seconds < fastSeconds
            let fastTime = (clock.now - start).seconds / Double(runs)
            return Row(
                pair: pair, cycleSeconds: cycleTimes.sorted()[cycleTimes.count / 2], fastSeconds: fastTime,
                cycles: cycle.cycles, fastCycles: fast.cycles,
                energyJ: cycle.totalDynamicEnergyJ + cycle.totalLeakageEnergyJ,
                fastEnergyJ: fast.totalDynamicEnergyJ + fast.totalLeakageEnergyJ)
        }
    }

    /// Peak resident memory of this process in bytes (Linux VmHWM), or nil elsewhere.
    public static func peakResidentBytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kb * 1024
    }
}

