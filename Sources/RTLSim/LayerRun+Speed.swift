import Foundation
import RTLGen

extension LayerRun {
    /// Runs the layer once as `run` does (behavioural DMA), then simulates the built model
    /// `repeats` more times from reset and times each. A re-simulation that ends in another
    /// cycle count or another main memory fails: the model must be deterministic for its speed
    /// to mean anything.
    package func measureSpeed(library: TemplateLibrary, directory: String, command: String, repeats: Int) throws -> SimulationSpeed {
        let clock = ContinuousClock()
        let compiled = try compile()
        var first: Report?
        let firstTime = try clock.measure {
            first = try run(
                compiled, library: library, directory: directory, command: command,
                path: .behavioural(latency: MainMemoryPath.standardLatency))
        }
        guard let first else { throw RTLSimError.runFailed(simulator: "verilator", log: "the first run returned no report") }
        let program = ProgramRunner.Run(compiled)
        var times: [Double] = []
        for k in 1...max(1, repeats) {
            var outcome: ProgramRunner.Outcome?
            let t = try clock.measure {
                outcome = try ProgramRunner.simulate(program, index: k, directory: "\(directory)/sim", testbench: "program").outcome
            }
            guard let outcome, outcome == first.outcome else {
                throw RTLSimError.runFailed(
                    simulator: "verilator", log: "re-simulation \(k) of the built model differs from the first run (cycles or main memory)")
            }
            times.append(t.seconds)
        }
        return SimulationSpeed(report: first, firstRunSeconds: firstTime.seconds, simulationSeconds: times)
    }
}
