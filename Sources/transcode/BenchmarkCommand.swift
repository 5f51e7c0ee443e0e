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
              transcode benchmark search --budget 64 --seeds 0,1,2
              transcode benchmark boshcode --observations 1000
              transcode benchmark calibration --cache /tmp/empty-cache
              transcode benchmark rtl-synth --pes 2,4
            """,
        subcommands: [SimulatorBench.self, SearchBench.self, BOSHCODEBench.self, CalibrationBench.self, DesignSynthesisBench.self])

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

    struct SearchBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Evaluations per second, and evaluations BOSHCODE needs to reach random search's best, over several seeds.",
            discussion: "Examples:\n  transcode benchmark search --budget 64 --seeds 0,1,2")
        @Option(help: "Evaluations per run.") var budget: Int = 64
        @Option(help: "Comma-separated seeds.") var seeds: String = "0,1,2"
        @Option(help: "Scratch directory for the runs.") var out: String = "runs/benchmark-search"
        @Option(help: "Hardware table.") var table: String?

        func run() throws {
            let seedList = seeds.split(separator: ",").compactMap { UInt64($0) }
            guard !seedList.isEmpty else { throw CLIError("--seeds takes comma-separated whole numbers, got '\(seeds)'") }
            try? FileManager.default.removeItem(atPath: out)
            let settings = SearchSettings(budget: budget, workload: .training, table: table ?? TableCatalog.defaultName)
            let evaluator = try Evaluator(settings: settings, root: ProjectFiles.root)
            let rows = try SearchBenchmark.run(settings: settings, evaluator: evaluator, seeds: seedList, directory: out)
            print(
                "evaluations are counted after the shared initial sample of \(rows.first?.initialSamples ?? 0) random points (0: that sample held the best)"
            )
            print(
                Render.pad("seed", 6) + Render.pad("random best", 13) + Render.pad("reached after", 15) + Render.pad("BOSHCODE best", 15)
                    + Render.pad("BOSHCODE evals to random's best", 33) + "evaluations/s (random search)")
            for r in rows {
                print(
                    Render.pad(String(r.seed), 6) + Render.pad(String(format: "%.4f", r.randomBest), 13)
                        + Render.pad(String(r.randomEvaluationsToItsBest), 15) + Render.pad(String(format: "%.4f", r.boshcodeBest), 15)
                        + Render.pad(r.boshcodeEvaluationsToRandomBest.map(String.init) ?? "not reached", 33)
                        + String(format: "%.0f", r.evaluationsPerSecond))
            }
            if let test = WilcoxonSignedRank(rows.map(\.boshcodeBest), rows.map(\.randomBest)) {
                let method = test.exact ? "exact" : "normal approximation"
                print(
                    String(
                        format: "BOSHCODE against random, best performance over %d seeds: W+ %.1f, W- %.1f, Wilcoxon signed-rank p = %.4f",
                        rows.count, test.positiveRankSum, test.negativeRankSum, test.p) + " (\(method))")
            } else {
                print("BOSHCODE against random: every seed tied, no Wilcoxon p")
            }
        }
    }
}
