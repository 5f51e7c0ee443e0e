import DesignSpace
import Foundation
import HardwareModules
import RTLGen
import RTLSim
import Toolchain

/// Calibrates a list of module variants, two at a time on a 2-core machine, reusing cached
/// results keyed by the content hash of (RTL, flow scripts, liberty, tool versions,
/// stimulus), so a re-run only redoes what changed.
package struct CalibrationRun: Sendable {
    package let flow: SynthesisFlow
    package let cacheDirectory: String
    /// Modules calibrated at once (Yosys and ABC are single-threaded).
    package let parallelism: Int

    package init(flow: SynthesisFlow, cacheDirectory: String, parallelism: Int = max(ProcessInfo.processInfo.activeProcessorCount, 1)) {
        self.flow = flow
        self.cacheDirectory = cacheDirectory
        self.parallelism = parallelism
    }

    /// Progress after each module.
    package struct Progress: Sendable {
        package let module: String
        package let index: Int
        package let count: Int
        package let cached: Bool
        package let elapsedSeconds: Double
    }

    static func sha256(_ text: String) throws -> String {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-hash-\(UUID())").path
        try text.write(toFile: tmp, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        return String(try Toolchain.run("/usr/bin/sha256sum", [tmp]).output.prefix(64))
    }

    /// Versions of the tools and the liberty's hash: part of every cache key and the provenance.
    package func toolIdentity() throws -> [String: String] {
        func version(_ tool: Tool, _ args: [String]) throws -> String {
            try Toolchain.run(try Toolchain.require(tool), args).output.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let liberty = String(try Toolchain.run("/usr/bin/sha256sum", [flow.liberty]).output.prefix(64))
        // iverilog -V prints its version on the first line (and complains about no input).
        let icarus = try Toolchain.run(try Toolchain.require(.iverilog), ["-V"])
        return [
            "yosys": try version(.yosys, ["-V"]), "opensta": try version(.sta, ["-version"]),
            "verilator": try version(.verilator, ["--version"]),
            "iverilog": String((icarus.output + icarus.error).split(separator: "\n").first ?? ""),
            "liberty_sha256": liberty,
        ]
    }

    /// Calibrates `variants`; `tools` is `toolIdentity()`, asked for once by the caller, which
    /// also records it as provenance.
    package func run(
        _ variants: [ModuleVariant], tools: [String: String],
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) throws -> [ModuleCalibration] {
        try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        let identity = Self.identity(tools)
        let start = ContinuousClock.now
        let results = Locked([ModuleCalibration?](repeating: nil, count: variants.count))
        let failures = Locked([Error]())
        let next = Locked(0)
        let done = Locked(0)
        DispatchQueue.concurrentPerform(iterations: min(parallelism, variants.count)) { _ in
            while failures.value.isEmpty {
                let k: Int = next.update { n in
                    defer { n += 1 }
                    return n
                }
                guard k < variants.count else { return }
                do {
                    let (result, cached) = try calibrate(variants[k], identity: identity)
                    results.update { $0[k] = result }
                    let finished: Int = done.update { d in
                        d += 1
                        return d
                    }
                    progress(
                        Progress(
                            module: variants[k].moduleName, index: finished, count: variants.count, cached: cached,
                            elapsedSeconds: (ContinuousClock.now - start).seconds))
                } catch {
                    failures.update { $0.append(error) }
                }
            }
        }
        if let first = failures.value.first { throw first }
        return results.value.map { $0! }
    }

    /// Everything besides the RTL and the stimulus that a cached result depends on.
    static func identity(_ tools: [String: String]) -> String {
        tools.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
            + SynthesisFlow.yosysScript(source: "", top: "", liberty: "") + SynthesisFlow.abcConstraints
            + "nominal_transition=\(GateLevelEnergy.nominalTransitionNS);flow_version=\(SynthesisFlow.version)"
    }

    /// The cache file of `variant`'s result, present or not.
    func cachePath(_ variant: ModuleVariant, identity: String) throws -> String {
        let stimulus = CalibrationStimulus.vectors(variant, format: flow.generator.format)
        let rtl = try flow.generator.generate(variant, command: "transcode calibrate")
        return "\(cacheDirectory)/\(try Self.sha256(rtl + identity + stimulus.map(\.hex).joined())).json"
    }

    /// How many of `variants` the cache already holds: the part of a run that costs nothing,
    /// told before the run so that its estimate counts only real synthesis.
    package func cachedCount(_ variants: [ModuleVariant], tools: [String: String]) throws -> Int {
        let identity = Self.identity(tools)
        return try variants.filter { FileManager.default.fileExists(atPath: try cachePath($0, identity: identity)) }.count
    }

    func calibrate(_ variant: ModuleVariant, identity: String) throws -> (ModuleCalibration, cached: Bool) {
        let stimulus = CalibrationStimulus.vectors(variant, format: flow.generator.format)
        let rtl = try flow.generator.generate(variant, command: "transcode calibrate")
        let path = try cachePath(variant, identity: identity)
        if let data = FileManager.default.contents(atPath: path), let cached = try? JSONDecoder().decode(ModuleCalibration.self, from: data)
        {
            return (cached, true)
        }
        let result = try flow.calibrate(variant, rtl: rtl, stimulus: stimulus)
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        try e.encode(result).write(to: URL(fileURLWithPath: path))
        return (result, false)
    }
}
