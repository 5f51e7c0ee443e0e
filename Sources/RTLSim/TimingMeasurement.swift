import DesignSpace
import Foundation
import HardwareModules
import RTLGen

/// Measures a module's latency and initiation interval in RTL simulation: eight inputs back
/// to back; latency is the cycles from the first input to its result, the initiation interval
/// the spacing of consecutive results.
package struct TimingMeasurement: Codable, Sendable, Equatable {
    package let module: String
    package let latency: Int
    package let initiationInterval: Int

    enum CodingKeys: String, CodingKey {
        case module, latency
        case initiationInterval = "initiation_interval"
    }

    /// The parameter points the timing table covers: each catalogue entry's timing points.
    package static func variants() -> [ModuleVariant] { ModuleCatalog.timingVariants }

    package static func measure(
        _ variant: ModuleVariant, format: FixedPointFormat, generator: RTLGenerator,
        simulator: RTLSimulator
    ) throws -> TimingMeasurement {
        let h = ModuleHarness(variant: variant, format: format)
        let one = format.one
        var probe: [String: [Int64]] = ["in_valid": [1]]
        switch variant {
        case .macLane: probe.merge(["in_first": [1], "in_last": [1]]) { $1 }
        case .softmax(let b, let x): probe["in_keep"] = [Int64](repeating: 1, count: b * x)
        case .layerNorm(_, let x): probe["in_gamma"] = [Int64](repeating: one, count: x)
        case .fifo: probe["out_ready"] = [1]
        default: break
        }
        var stimulus = Array(repeating: h.vector(probe), count: 8)
        if case .layerNorm(_, let x) = variant {
            stimulus += Array(repeating: h.vector(["in_gamma": [Int64](repeating: one, count: x)]), count: 8)
        }
        let samples = try simulator.run(
            top: variant.moduleName,
            sources: ["\(variant.moduleName).sv": try generator.generate(variant, command: "transcode rtl timing")],
            // Idle cycles after the inputs: more than any module's pipeline depth (the layer-norm's
            // is about 35), so all eight results appear.
            layout: h.layout, stimulus: stimulus, drain: 64)
        let cycles = samples.map(\.cycle)
        guard cycles.count >= 2 else {
            throw RTLSimError.runFailed(
                simulator: simulator.engine.rawValue, log: "\(variant.moduleName) produced \(cycles.count) results for 8 inputs")
        }
        let spacing = zip(cycles, cycles.dropFirst()).map { $1 - $0 }.max()!
        return TimingMeasurement(module: variant.moduleName, latency: cycles[0] + 1, initiationInterval: spacing)
    }
}

/// The checked-in timing table, synth/timing.json.
package struct TimingTable: Codable, Sendable, Equatable {
    package var format = "transcode-timing-table"
    package var version = 1
    package var units = ["latency": "cycles from input to result", "initiation_interval": "cycles between inputs"]
    package var provenance: [String: String]
    package var modules: [TimingMeasurement]

    package init(provenance: [String: String], modules: [TimingMeasurement]) {
        self.provenance = provenance
        self.modules = modules
    }

    package func jsonText() -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try! e.encode(self), as: UTF8.self) + "\n"
    }
}
