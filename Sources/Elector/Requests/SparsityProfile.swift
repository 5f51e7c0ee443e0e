import DesignSpace
import Foundation
import StructuredInput

/// (tau -> rho) curves for the three matrix kinds DynaProp prunes (paper Section III-A), and,
/// when measured, the effectual-MAC fractions of forward and backward products.
///
/// The paper's profile (`paperDefault`) is a Laplace magnitude model anchored at the paper's
/// operating point (Section V-A): 50% weight and activation sparsity at tau_I = 0.01, and 90%
/// gradient sparsity at tau_T = 1e-4. A measured profile file, as `transcode dynaprop sweep`
/// writes it, is `{"weight": [[tau, rho], ...], "activation": [...], "gradient": [...]}`
/// plus optionally `forward_effectual` ([[tau_I, fraction], ...]), `backward_effectual`
/// ([[tau_T, fraction], ...]), the `model` and its `embedding` it was measured on, and
/// `format`, `version`, `space_version` and `provenance`, and a `grid` {"tau_i": [...],
/// "tau_t": [...], "weight": [[...]], "activation", "gradient", "forward_effectual",
/// "backward_effectual"} of the sweep's points (values[i][t]), which takes precedence.
package struct SparsityProfile: Sendable, Equatable {
    package var weight: SparsityCurve
    package var activation: SparsityCurve
    package var gradient: SparsityCurve
    /// Counted fraction of forward MACs with both operands non-zero, over tau_I; nil when not
    /// measured (the simulator then multiplies the operands' densities).
    package var forwardEffectual: SparsityCurve?
    /// The same for backward MACs, over tau_T.
    package var backwardEffectual: SparsityCurve?
    /// The sweep's measurements over both thresholds; when present, they replace the curves.
    package var grid: SparsityGrid?
    /// The model the profile was measured on, by name and embedding; nil for a profile of no
    /// particular model.
    package var model: String?
    package var embedding: [Int]?

    /// The newest measured-profile layout this build reads.
    package static let currentVersion = 1

    package init(
        weight: SparsityCurve, activation: SparsityCurve, gradient: SparsityCurve, forwardEffectual: SparsityCurve? = nil,
        backwardEffectual: SparsityCurve? = nil, model: String? = nil, embedding: [Int]? = nil
    ) {
        self.weight = weight
        self.activation = activation
        self.gradient = gradient
        self.forwardEffectual = forwardEffectual
        self.backwardEffectual = backwardEffectual
        self.model = model
        self.embedding = embedding
    }

    /// The paper's operating point, as described above.
    package static let paperDefault = SparsityProfile(
        weight: .anchored(tau: 0.01, rho: 0.5), activation: .anchored(tau: 0.01, rho: 0.5),
        gradient: .anchored(tau: 1e-4, rho: 0.9))

    static let keys = [
        "weight", "activation", "gradient", "forward_effectual", "backward_effectual", "model", "embedding", "format", "version",
        "space_version", "provenance", "grid",
    ]

    /// Reads a profile file.
    package static func load(path: String) throws -> SparsityProfile {
        let parsed: Any
        do {
            parsed = try JSONText.object(try InputFile.read(path), source: path)
        } catch {
            throw ElectorError.badProfile(path: path, reason: error.reason)
        }
        guard let object = parsed as? [String: Any] else {
            throw ElectorError.badProfile(path: path, reason: "expected a JSON object with keys weight, activation, gradient")
        }
        for key in object.keys.sorted() where !keys.contains(key) {
            throw ElectorError.badProfile(path: path, reason: "unknown key '\(key)': use \(keys.joined(separator: ", "))")
        }
        if let version = object["version"] {
            guard let number = version as? NSNumber, number.intValue == currentVersion else {
                throw ElectorError.badProfile(
                    path: path,
                    reason:
                        "version \(version) is not one this build reads (\(currentVersion)): regenerate it with `transcode dynaprop sweep`")
            }
        }
        func curve(_ key: String, what: String) throws -> SparsityCurve {
            guard let raw = object[key] as? [[NSNumber]], raw.count >= 2, raw.allSatisfy({ $0.count == 2 }) else {
                throw ElectorError.badProfile(path: path, reason: "'\(key)' must be a list of at least two [tau, \(what)] pairs")
            }
            let points = raw.map { SparsityCurve.MeasuredPoint(tau: $0[0].doubleValue, rho: $0[1].doubleValue) }
            for (a, b) in zip(points, points.dropFirst()) where b.tau <= a.tau {
                throw ElectorError.badProfile(path: path, reason: "'\(key)' tau values must increase")
            }
            for p in points where !(0...1).contains(p.rho) {
                throw ElectorError.badProfile(path: path, reason: "'\(key)' \(what) \(p.rho) is outside 0 to 1")
            }
            return .measured(points)
        }
        var profile = SparsityProfile(
            weight: try curve("weight", what: "rho"), activation: try curve("activation", what: "rho"),
            gradient: try curve("gradient", what: "rho"))
        if object["forward_effectual"] != nil { profile.forwardEffectual = try curve("forward_effectual", what: "fraction") }
        if object["backward_effectual"] != nil { profile.backwardEffectual = try curve("backward_effectual", what: "fraction") }
        if let raw = object["grid"] { profile.grid = try grid(raw, path: path) }
        if let model = object["model"] {
            guard let name = model as? String else { throw ElectorError.badProfile(path: path, reason: "'model' must be a name") }
            profile.model = name
        }
        if let embedding = object["embedding"] {
            guard let numbers = embedding as? [NSNumber], numbers.count == TransformerSpace.embeddingLength else {
                throw ElectorError.badProfile(
                    path: path, reason: "'embedding' must be the model's \(TransformerSpace.embeddingLength)-number embedding")
            }
            profile.embedding = numbers.map(\.intValue)
        }
        return profile
    }

    private static func grid(_ raw: Any, path: String) throws -> SparsityGrid {
        func bad(_ reason: String) -> ElectorError { .badProfile(path: path, reason: "'grid' \(reason)") }
        guard let object = raw as? [String: Any] else { throw bad("must be an object with tau_i, tau_t and a table per figure") }
        var axes: [[Double]] = []
        for key in ["tau_i", "tau_t"] {
            guard let axis = (object[key] as? [NSNumber])?.map(\.doubleValue), axis.count >= 2 else {
                throw bad("'\(key)' must list at least two thresholds")
            }
            for (a, b) in zip(axis, axis.dropFirst()) where b <= a { throw bad("'\(key)' values must increase") }
            axes.append(axis)
        }
        var values: [String: [[Double]]] = [:]
        for figure in SparsityGrid.figures {
            guard let rows = (object[figure] as? [[NSNumber]])?.map({ $0.map(\.doubleValue) }), rows.count == axes[0].count,
                rows.allSatisfy({ $0.count == axes[1].count })
            else {
                throw bad("'\(figure)' must be \(axes[0].count) rows (tau_i) of \(axes[1].count) values (tau_t)")
            }
            guard rows.joined().allSatisfy({ (0...1).contains($0) }) else { throw bad("'\(figure)' values must lie in 0 to 1") }
            values[figure] = rows
        }
        return SparsityGrid(tauI: axes[0], tauT: axes[1], values: values)
    }

    /// Checks that a profile measured on a model is used for that model.
    package func check(for model: TransformerModel, modelName: String, path: String) throws {
        guard let embedding, embedding != TransformerSpace.embedding(of: model) else { return }
        throw ElectorError.badProfile(
            path: path,
            reason:
                "it was measured on \(self.model ?? "another model"), not on \(modelName): use --profile paper or a profile of \(modelName)"
        )
    }

    /// The measured profile of `model` among the `*.json` files of `directory` (the
    /// checked-in data/dynaprop-profiles), with its path; nil when none was measured on it.
    package static func measured(for model: TransformerModel, in directory: String) throws -> (profile: SparsityProfile, path: String)? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let embedding = TransformerSpace.embedding(of: model)
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = "\(directory)/\(name)"
            let profile = try load(path: path)
            if profile.embedding == embedding { return (profile, path) }
        }
        return nil
    }
}
