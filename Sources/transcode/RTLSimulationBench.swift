import ArgumentParser
import DesignSpace
import Foundation
import ProjectLayout
import RTLGen
import RTLSim

/// `transcode benchmark rtl-sim`: Verilator's simulation speed of the generated top running
/// a compiled layer, in simulated cycles per second.
struct RTLSimulationBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rtl-sim", abstract: "Verilator simulation speed of the generated top running a layer, in cycles per second.",
        discussion: """
            For each accelerator and PE count, runs 'transcode rtl run' once (generation, \
            Verilator build, simulation, reference check) and then re-simulates the built model \
            --repeats times. Prints the first run's wall time, the median re-simulation, the \
            simulated cycles and cycles per second. A run whose results differ from the \
            reference exits 1. 32-wide tiles (elector-star) take minutes to build.

            Examples:
              transcode benchmark rtl-sim
              transcode benchmark rtl-sim --accelerator acceltran-edge --accelerator elector-star --pes 2,4 --repeats 3
              transcode benchmark rtl-sim --program training --pes 4
            """)
    @Option(help: "A built-in accelerator or an accelerator file (repeat for several).") var accelerator: [String] = ["acceltran-edge"]
    @Option(help: "A built-in model or a model-dict JSON file; its first layer is scaled to one tile.") var model: String = "bert-tiny"
    @Option(help: "Comma-separated PE counts.") var pes: String = "2,4"
    @Option(help: "Program: layer, training or matmul.") var program: String = "layer"
    @Option(parsing: .unconditional, help: "Re-simulations of each built model (the median is reported).") var repeats: Int = 3
    @Option(help: "Scratch directory (one folder per accelerator and PE count).") var out: String = "runs/benchmark-rtl-sim"

    func run() throws {
        let counts = try ArgumentParsing.peCounts(pes)
        guard (1...20).contains(repeats) else { throw ValidationError("--repeats must be 1 to 20, got \(repeats)") }
        let kind = try ProgramOptions.kind(program)
        let transformer = try Catalog.model(model)
        let configs = try accelerator.map { ($0, try Catalog.accelerator($0)) }
        for (name, config) in configs {
            guard let bad = counts.first(where: { !(1...config.processingElements).contains($0) }) else { continue }
            throw ValidationError("--pes must be 1 to \(config.processingElements) for \(name), got \(bad)")
        }
        let library = try TemplateLibrary(directory: ProjectFiles.path("templates"))
        print(
            Render.pad("accelerator", 18) + Render.pad("PEs", 5) + Render.pad("cycles", 9) + Render.pad("first run s", 13)
                + Render.pad("simulation s", 14) + Render.pad("cycles/s", 10) + "result")
        var failed = false
        for (name, config) in configs {
            for count in counts {
                let layer = LayerRun(config: config, model: transformer, processingElements: count, kind: kind)
                let directory = "\(out)/\(URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent)-pes-\(count)"
                let speed = try layer.measureSpeed(
                    library: library, directory: directory,
                    command: "transcode benchmark rtl-sim --accelerator \(name) --model \(model) --pes \(count) --program \(program)",
                    repeats: repeats)
                failed = failed || !speed.report.matches
                print(
                    Render.pad(name, 18) + Render.pad("\(count)", 5) + Render.pad("\(speed.report.outcome.cycles)", 9)
                        + Render.pad(String(format: "%.1f", speed.firstRunSeconds), 13)
                        + Render.pad(String(format: "%.3f", speed.medianSimulationSeconds), 14)
                        + Render.pad(String(format: "%.0f", speed.cyclesPerSecond), 10)
                        + (speed.report.matches ? "every result equals the reference" : "MISMATCH"))
                fflush(nil)  // every stream: a row comes after minutes of build, show each as it comes
            }
        }
        print("(\(repeats) re-simulations each; a re-simulation includes the testbench's start-up and its memory image I/O)")
        if failed { throw ExitCode(1) }
    }
}
