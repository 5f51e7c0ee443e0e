import DesignSpace

/// The measured sparsity profile a sweep writes (DIR/profile.json), in the layout that
/// `transcode simulate --profile FILE` reads (Elector's `SparsityProfile.load`): (tau, rho)
/// curves for weights and activations over tau_I and for gradients over tau_T, the counted
/// effectual-MAC fractions (forward over tau_I, backward over tau_T), the model it was
/// measured on and its provenance.
///
/// Each curve point is the mean over the other threshold's grid values (activation rho at a
/// tau_I is averaged over the sweep's tau_T values, and so on), a summary for plots and for
/// readers of the curve layout; `grid` holds every point, and the simulator uses it.
package struct MeasuredSparsityProfile: Codable, Equatable, Sendable {
    /// Layout version; Elector's reader accepts this one.
    package static let currentVersion = 1

    /// Where the figures come from.
    package struct Provenance: Codable, Equatable, Sendable {
        package let command: String
        package let dataSet: String
        package let setting: MeasurementSetting
        package let seed: UInt64
        package let commit: String?
        package let weightPruning: String
        package let sweepVersion: Int

        enum CodingKeys: String, CodingKey {
            case command
            case dataSet = "data_set"
            case setting, seed, commit
            case weightPruning = "weight_pruning"
            case sweepVersion = "sweep_version"
        }
    }

    /// Every grid point's figures, values[i][t] at (tau_I[i], tau_T[t]): the simulator
    /// interpolates these bilinearly and prefers them to the curves, because gradient
    /// sparsity depends on tau_I too (gradients reaching pruned inputs are cleared).
    package struct Grid: Codable, Equatable, Sendable {
        package let tauI: [Double]
        package let tauT: [Double]
        package let weight: [[Double]]
        package let activation: [[Double]]
        package let gradient: [[Double]]
        package let forwardEffectual: [[Double]]
        package let backwardEffectual: [[Double]]

        enum CodingKeys: String, CodingKey {
            case tauI = "tau_i"
            case tauT = "tau_t"
            case weight, activation, gradient
            case forwardEffectual = "forward_effectual"
            case backwardEffectual = "backward_effectual"
        }
    }

    package let format: String
    package let version: Int
    package let model: String
    /// The model's 37-number embedding (`TransformerSpace.embedding`): the simulator uses the
    /// profile by default only for this model.
    package let embedding: [Int]
    package let spaceVersion: Int
    package let weight: [[Double]]
    package let activation: [[Double]]
    package let gradient: [[Double]]
    package let forwardEffectual: [[Double]]
    package let backwardEffectual: [[Double]]
    package let grid: Grid
    package let provenance: Provenance

    enum CodingKeys: String, CodingKey {
        case format, version, model, embedding
        case spaceVersion = "space_version"
        case weight, activation, gradient
        case forwardEffectual = "forward_effectual"
        case backwardEffectual = "backward_effectual"
        case grid, provenance
    }

    /// The profile of a complete sweep.
    package init(plan: DynaPropSweepPlan, records: [DynaPropSweepRecord], command: String, dataSet: String) {
        func mean(_ tau: Double, _ along: KeyPath<DynaPropSweepRecord, Double>, _ value: KeyPath<DynaPropSweepRecord, Double>)
            -> [Double]
        {
            let matching = records.filter { $0[keyPath: along] == tau }
            return [tau, matching.map { $0[keyPath: value] }.reduce(0, +) / Double(max(matching.count, 1))]
        }
        format = "transcode-sparsity-profile"
        version = Self.currentVersion
        model = plan.modelName
        embedding = TransformerSpace.embedding(of: plan.model)
        spaceVersion = SpaceVersion.current
        weight = plan.tauI.map { mean($0, \.tauI, \.weightRho) }
        activation = plan.tauI.map { mean($0, \.tauI, \.activationRho) }
        gradient = plan.tauT.map { mean($0, \.tauT, \.gradientRho) }
        forwardEffectual = plan.tauI.map { mean($0, \.tauI, \.forwardEffectualFraction) }
        backwardEffectual = plan.tauT.map { mean($0, \.tauT, \.backwardEffectualFraction) }
        func table(_ value: KeyPath<DynaPropSweepRecord, Double>) -> [[Double]] {
            plan.tauI.map { a in plan.tauT.map { g in records.first { $0.tauI == a && $0.tauT == g }?[keyPath: value] ?? 0 } }
        }
        grid = Grid(
            tauI: plan.tauI, tauT: plan.tauT, weight: table(\.weightRho), activation: table(\.activationRho),
            gradient: table(\.gradientRho), forwardEffectual: table(\.forwardEffectualFraction),
            backwardEffectual: table(\.backwardEffectualFraction))
        provenance = Provenance(
            command: command, dataSet: dataSet, setting: plan.setting, seed: plan.seed, commit: records.compactMap(\.commit).first,
            weightPruning:
                "encoder weight matrices magnitude-pruned to \(plan.weightSparsity) (static: refreshed over the first half of training, then frozen)",
            sweepVersion: plan.version)
    }
}
