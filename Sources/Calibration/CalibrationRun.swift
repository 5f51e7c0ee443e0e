import DesignSpace
import Foundation
import RTLGen
import Toolchain

/// Calibrates a list of module variants, reusing cached results keyed by the content hash of
/// (RTL, liberty, tool versions, activity), so a re-run only redoes what changed.
public struct CalibrationRun: Sendable {
    public let flow: SynthesisFlow
    public let cacheDirectory: String

    public init(flow: SynthesisFlow, cacheDirectory: String) {
        self.flow = flow
        self.cacheDirectory = cacheDirectory
    }

    /// Progress after each module.
    public struct Progress: Sendable {
        public let module: String
        public let index: Int
        public let count: Int
        public let cached: Bool
        public let elapsedSeconds: Double
    }

    static func sha256(_ text: String) throws -> String {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-hash-\(UUID())").path
        try text.write(toFile: tmp, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        return String(try Toolchain.run("/usr/bin/sha256sum", [tmp]).output.prefix(64))
    }

    /// Versions of the tools and the liberty's hash: part of every cache key and the provenance.
    public func toolIdentity() throws -> [String: String] {
        let yosys = try Toolchain.run(try Toolchain.require(.yosys), ["-V"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let sta = try Toolchain.run(try Toolchain.require(.sta), ["-version"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let liberty = String(try Toolchain.run("/usr/bin/sha256sum", [flow.liberty]).output.prefix(64))
        return ["yosys": yosys, "opensta": sta, "liberty_sha256": liberty]
    }

    public func run(_ variants: [ModuleVariant], progress: @Sendable (Progress) -> Void = { _ in }) throws -> [ModuleCalibration] {
        try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        let identity = try toolIdentity().sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        let clock = ContinuousClock()
        let start = clock.now
        var out: [ModuleCalibration] = []
        for (k, variant) in variants.enumerated() {
            let activity = InputActivity.measure(variant, format: flow.generator.format)
            let rtl = try flow.generator.generate(variant, command: "transcode calibrate")
            let key = try Self.sha256(rtl + identity + "activity=\(activity)")
            let path = "\(cacheDirectory)/\(key).json"
            let cached = FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(ModuleCalibration.self, from: $0) }
            let result = try cached ?? flow.calibrate(variant, activity: activity)
            if cached == nil {
                let e = JSONEncoder()
                e.outputFormatting = [.prettyPrinted, .sortedKeys]
                try e.encode(result).write(to: URL(fileURLWithPath: path))
            }
            out.append(result)
            let elapsed = clock.now - start
            progress(Progress(module: variant.moduleName, index: k + 1, count: variants.count, cached: cached != nil,
                              elapsedSeconds: elapsed.seconds))
        }
        return out
    }
}
