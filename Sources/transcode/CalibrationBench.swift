import ArgumentParser
import Calibration
import CostModel
import Foundation
import ProjectLayout
import RTLGen
import Toolchain

/// `transcode benchmark calibration`: wall time of the full calibration from an empty
/// cache, then of a re-run that finds everything cached (targets: under 20 minutes and
/// under 10 seconds on 2 cores).
struct CalibrationBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibration", abstract: "Wall time of a full calibration from an empty cache and of a cached re-run.",
        discussion:
            "Takes about 12 minutes on 2 cores.\n\nExamples:\n  transcode benchmark calibration\n  transcode benchmark calibration --cache synth/cache"
    )
    @Option(help: "Liberty file (default: $TRANSCODE_LIBERTY or .lib/ from scripts/setup).") var liberty: String?
    @Option(help: "Cache directory to fill and keep (must be empty or absent); default: a temporary one, removed afterwards.")
    var cache: String?

    func run() throws {
        let lib = try liberty ?? Toolchain.liberty(projectRoot: ProjectFiles.root)
        let flow = try SynthesisFlow(
            liberty: lib, generator: RTLGenerator(library: TemplateLibrary(directory: ProjectFiles.path("templates"))))
        let directory = cache ?? FileManager.default.temporaryDirectory.appendingPathComponent("transcode-bench-cache-\(UUID())").path
        if let cache, !((try? FileManager.default.contentsOfDirectory(atPath: cache))?.isEmpty ?? true) {
            throw CLIError("--cache \(cache) is not empty: a full run must start from an empty cache; give a new directory")
        }
        defer { if cache == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let run = CalibrationRun(flow: flow, cacheDirectory: directory)
        let variants = CalibrationPlan.standard.variants
        let clock = ContinuousClock()
        let tools = try run.toolIdentity()
        let full = try clock.measure {
            _ = try run.run(variants, tools: tools) { FileHandle.standardError.write(Data(Render.progress($0).utf8)) }
        }
        let cached = try clock.measure { _ = try run.run(variants, tools: tools) }
        print(
            String(
                format: "full calibration: %d modules in %.1f s (%.1f min) on %d cores, from an empty cache", variants.count,
                full.seconds, full.seconds / 60, ProcessInfo.processInfo.activeProcessorCount))
        print(String(format: "cached re-run:    %d modules in %.2f s", variants.count, cached.seconds))
    }
}
