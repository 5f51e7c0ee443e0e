import DesignSpace
import Elector
import Foundation

/// `data/objective-scale.json`: the declared reference values of the objective's scales, one
/// set per workload, frozen once from a declared random sample of the co-design space by
/// `transcode objective-scale --out` and read by every run. `version` goes up each time the
/// file is re-frozen, and every run names it in its `run.json`.
package struct ObjectiveScaleFile: Codable, Sendable, Equatable {
    /// How the references were obtained.
    package struct Provenance: Codable, Sendable, Equatable {
        /// The command that wrote the file.
        package var command: String
        /// Uniform random co-design points measured, and the seed that drew them.
        package var sample: Int
        package var seed: UInt64
        package var table: String
        /// The simulator fidelity (`fast`) and the sequence length of the measurements.
        package var fidelity: String
        package var sequenceLength: Int
        /// Each reference is the sample's minimum (lower) or maximum (upper) of that figure.
        package var rule: String

        enum CodingKeys: String, CodingKey {
            case command, sample, seed, table, fidelity, rule
            case sequenceLength = "sequence_length"
        }
    }

    package var format = "transcode-objective-scale"
    package var version: Int
    package var spaceVersion = SpaceVersion.current
    package var provenance: Provenance
    /// By workload name (`training`, `inference`).
    package var workloads: [String: ObjectiveScale.References]

    enum CodingKeys: String, CodingKey {
        case format, version, provenance, workloads
        case spaceVersion = "space_version"
    }

    /// Where the project keeps the file, relative to the checkout.
    package static let relativePath = "data/objective-scale.json"

    package init(version: Int, provenance: Provenance, workloads: [String: ObjectiveScale.References]) {
        self.version = version
        self.provenance = provenance
        self.workloads = workloads
    }

    /// Reads the file from the checkout at `root`.
    package static func load(root: String) throws -> ObjectiveScaleFile {
        let path = "\(root)/\(relativePath)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoDesignError.unreadableData(path: path, reason: "no such file (write it with 'transcode objective-scale --out \(path)')")
        }
        do { return try JSONDecoder().decode(ObjectiveScaleFile.self, from: data) } catch {
            throw CoDesignError.unreadableData(path: path, reason: "not an objective-scale file")
        }
    }

    /// The scale of `kind` for `workload`, naming this file's version and sample as its source.
    package func scale(_ kind: ObjectiveScale.Kind, workload: Workload) throws -> ObjectiveScale {
        guard let references = workloads[workload.rawValue] else {
            throw CoDesignError.unreadableData(path: Self.relativePath, reason: "no references for the \(workload.rawValue) workload")
        }
        let p = provenance
        return ObjectiveScale(
            kind: kind, references: references,
            source:
                "\(Self.relativePath) version \(version): \(p.sample) random co-design points (seed \(p.seed)), table \(p.table), \(p.fidelity) mode"
        )
    }

    /// A uniform random sample of co-design points, the same for a given seed.
    package static func samplePoints(_ count: Int, seed: UInt64) -> [DesignPoint] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in SearchMode.codesign.randomPoint(using: &rng) }
    }

    /// The references of one workload: each figure's minimum and maximum over `measurements`.
    package static func references(of measurements: [PairMeasurement]) -> ObjectiveScale.References {
        func bounds(_ value: (PairMeasurement) -> Double) -> ObjectiveScale.Bounds {
            let values = measurements.map(value)
            return ObjectiveScale.Bounds(lower: values.min() ?? 0, upper: values.max() ?? 1)
        }
        return ObjectiveScale.References(
            latencyMS: bounds(\.latencyMS), areaMM2: bounds(\.areaMM2), dynamicEnergyJ: bounds(\.dynamicEnergyJ),
            leakageEnergyJ: bounds(\.leakageEnergyJ), energyJ: bounds(\.energyJ), accuracy: bounds(\.accuracy))
    }

    /// Measures `points` in parallel with `evaluator`'s fast mode.
    package static func measure(_ points: [DesignPoint], with evaluator: Evaluator) -> [PairMeasurement] {
        let results = UnsafeMutableBufferPointer<PairMeasurement?>.allocate(capacity: points.count)
        defer { results.deallocate() }
        results.initialize(repeating: nil)
        nonisolated(unsafe) let out = results
        DispatchQueue.concurrentPerform(iterations: points.count) { i in out[i] = evaluator.measure(points[i]) }
        return results.map { $0! }
    }
}
