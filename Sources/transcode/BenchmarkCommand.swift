import ArgumentParser
import CoDesign
import CostModel
import Elector
import Foundation
import ProjectLayout

/// `transcode benchmark`: speed and memory figures (never part of the tests).
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark", abstract: "Print speed and memory figures.",
        discussion: """
            Benchmarks time real work on this machine and are never part of the tests; run them on a
            quiet machine (a second busy core moves every figure).

            Examples:
              transcode benchmark simulator --table acceltran-14nm
              transcode benchmark search-table --pairs 100000 --seed 0 --out .cache/search-table/pairs-100000-seed-0.csv
              transcode benchmark search --table .cache/search-table/pairs-100000-seed-0.csv --seeds 0-19 --budget 96
              transcode benchmark boshcode --observations 1000
              transcode benchmark calibration --cache /tmp/empty-cache
              transcode benchmark rtl-synth --pes 2,4
              transcode benchmark rtl-sim --pes 2,4
            """,
        subcommands: [
            SimulatorBench.self, SearchTableBench.self, SearchBench.self, BOSHCODEBench.self, CalibrationBench.self,
            DesignSynthesisBench.self, RTLSimulationBench.self,
        ])

    struct SimulatorBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulator",
            abstract: "Wall time (medians) and simulated cycles per second of both modes on the reference pairs, and their agreement.",
            discussion: "Examples:\n  transcode benchmark simulator\n  transcode benchmark simulator --table acceltran-14nm")
        @Option(help: "Hardware table.") var table: String?

        func run() throws {
            let rows = try SimulatorBenchmark.run(table: TableCatalog.load(table))
            print(
                Render.pad("pair", 44) + Render.pad("cycles", 10) + Render.pad("cycle-level s", 15) + Render.pad("Mcycles/s", 11)
                    + Render.pad("fast us", 9) + Render.pad("speedup", 9) + Render.pad("latency err", 13) + "energy err")
            for r in rows {
                let name = "\(r.pair.model) on \(r.pair.accelerator), \(r.pair.workload.rawValue)"
                print(
                    Render.pad(name, 44) + Render.pad(String(r.cycles), 10) + Render.pad(String(format: "%.4f", r.cycleSeconds), 15)
                        + Render.pad(String(format: "%.1f", r.simulatedCyclesPerSecond / 1e6), 11)
                        + Render.pad(String(format: "%.2f", r.fastSeconds * 1e6), 9) + Render.pad(String(format: "%.0fx", r.speedup), 9)
                        + Render.pad(Render.pct(r.latencyError), 13) + Render.pct(r.energyError))
            }
            if let peak = SimulatorBenchmark.peakResidentBytes() {
                print(String(format: "peak resident memory %.1f MB", peak / 1_048_576))
            }
        }
    }
}
