/// How fast Verilator simulates a generated top running a compiled layer
/// (`LayerRun.measureSpeed`): the whole first run (generation, Verilator build, one
/// simulation, the reference check) and each later simulation of the built model alone.
package struct SimulationSpeed: Sendable {
    /// The first run's report: cycles, busy cycles and whether every result equals the reference.
    package let report: LayerRun.Report
    /// Wall time of the first run, in seconds (dominated by Verilator's C++ build).
    package let firstRunSeconds: Double
    /// Wall time of each re-simulation of the built model, in seconds.
    package let simulationSeconds: [Double]

    /// The median of `simulationSeconds`.
    package var medianSimulationSeconds: Double {
        let s = simulationSeconds.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Simulated clock cycles per second of wall time (median re-simulation; it includes
    /// the testbench's start-up and its reading and writing of the memory image).
    package var cyclesPerSecond: Double {
        medianSimulationSeconds > 0 ? Double(report.outcome.cycles) / medianSimulationSeconds : 0
    }
}
