import DesignSpace
import Elector

/// Everything that determines a run; stored in the run directory so a resumed run continues
/// exactly as it started.
package struct SearchSettings: Codable, Sendable, Equatable {
    package var strategy: SearchStrategy
    package var budget: Int
    package var seed: UInt64
    /// Points proposed (and evaluated in parallel) per iteration.
    package var batchSize: Int
    /// Random points evaluated before the first surrogate is fitted.
    package var initialSamples: Int
    /// Stop after this many iterations without improvement (0: never).
    package var patience: Int
    /// Probabilities that a BOSHCODE query is an uncertainty or a diversity query (each query
    /// draws its kind; the rest of the probability goes to GOBI).
    package var uncertaintyShare: Double
    package var diversityShare: Double
    /// BOSHCODE's network sizes and schedules (nil: `BOSHCODEConfig.standard`).
    package var boshcode: BOSHCODEConfig?
    /// `codesign`, `hw-nas` or `accelerator`.
    package var mode: String
    /// The fixed accelerator (hw-nas) as an index, or the fixed model (accelerator) as an embedding.
    package var fixedAccelerator: Int?
    package var fixedModel: [Int]?
    /// The fixed model's decomposition in its frozen encoding (`DecompositionSpace`), nil
    /// for a dense model: the embedding alone would give the search its dense form.
    package var fixedDecomposition: [Int]?
    package var objective: Objective
    /// Which declared scale turns figures into the objective's terms (`ObjectiveScale`).
    package var objectiveScale: ObjectiveScale.Kind
    package var constraints: [Constraint]
    package var workload: Workload
    package var table: String
    package var accuracyTable: String?
    /// Where accuracy comes from; nil in runs stored before the measured predictor, which
    /// keep the GLUE predictor they ran with.
    package var accuracySource: AccuracySource?
    /// The source the run uses: the stored one, or GLUE for runs stored before the source
    /// was recorded.
    package var effectiveAccuracySource: AccuracySource { accuracySource ?? .glue }
    /// Whether the search also chooses tensor-train decompositions of the model's matrices
    /// (HEAT; nil in runs stored before the option, which searched dense models).
    package var decomposes: Bool?
    /// The encoding the run's strategies see.
    package var encoding: PointEncoding { PointEncoding(decomposes: decomposes ?? false) }
    /// The budgets a run had before it was extended, oldest first (nil: never extended). The
    /// run replays each earlier budget's batches as they were, so an extension never changes
    /// what is already in the log.
    package var earlierBudgets: [Int]?

    package init(
        strategy: SearchStrategy = .standard, budget: Int = 64, seed: UInt64 = 0, batchSize: Int = 8,
        initialSamples: Int? = nil, patience: Int = 0, uncertaintyShare: Double = 0.1, diversityShare: Double = 0.1,
        boshcode: BOSHCODEConfig? = nil,
        mode: SearchMode = .codesign, objective: Objective = .paper, objectiveScale: ObjectiveScale.Kind = .defaultKind,
        constraints: [Constraint] = [],
        workload: Workload = .training, table: String, accuracyTable: String? = nil, accuracySource: AccuracySource? = nil,
        decomposes: Bool = false
    ) {
        self.strategy = strategy
        self.budget = budget
        self.seed = seed
        self.batchSize = batchSize
        self.initialSamples = initialSamples ?? max(8, budget / 4)
        self.patience = patience
        self.uncertaintyShare = uncertaintyShare
        self.diversityShare = diversityShare
        self.boshcode = boshcode
        self.mode = mode.name
        switch mode {
        case .codesign: break
        case .hardwareAwareNAS(let a): fixedAccelerator = AcceleratorSpace.index(of: a)
        case .acceleratorSearch(let m):
            fixedModel = TransformerSpace.embedding(of: m)
            // A decomposition outside the encoding cannot be stored; `transcode search` refuses
            // such a model before it builds the settings (`DesignPoint.decompositionRecord`).
            fixedDecomposition = try? DesignPoint.decompositionRecord(of: m)
        }
        self.objective = objective
        self.objectiveScale = objectiveScale
        self.constraints = constraints
        self.workload = workload
        self.table = table
        self.accuracyTable = accuracyTable
        self.accuracySource = accuracySource
        // Stored only when on, so the run.json of a dense search reads as it did before.
        self.decomposes = decomposes ? true : nil
    }

    /// The typed search mode; throws when settings read from a run.json hold a fixed
    /// accelerator index or model embedding that is not in the space.
    package var searchMode: SearchMode {
        get throws {
            if let index = fixedAccelerator { return .hardwareAwareNAS(try AcceleratorSpace.config(at: index)) }
            if let embedding = fixedModel {
                return .acceleratorSearch(
                    try DesignPoint.model(
                        embedding: embedding, decomposition: fixedDecomposition,
                        version: fixedDecomposition == nil ? nil : DecompositionSpace.version))
            }
            return .codesign
        }
    }

    /// These settings with the budget raised to `budget`: the same run, continued. A smaller
    /// budget than the run's is refused (its evaluations are already in the log).
    package func extended(to budget: Int) throws -> SearchSettings {
        guard budget >= self.budget else {
            throw CoDesignError.invalidSetting(name: "budget", value: String(budget), allowed: "at least the run's budget \(self.budget)")
        }
        guard budget > self.budget else { return self }
        var longer = self
        longer.earlierBudgets = (earlierBudgets ?? []) + [self.budget]
        longer.budget = budget
        return longer
    }

    /// The evaluation count each stretch of the run ends at: the earlier budgets, then `budget`.
    var segmentEnds: [Int] { (earlierBudgets ?? []) + [budget] }

    /// Checks ranges; the error names the setting in the library's terms.
    package func validate() throws {
        guard budget >= 2 else { throw CoDesignError.invalidSetting(name: "budget", value: String(budget), allowed: "at least 2") }
        guard batchSize >= 1 else {
            throw CoDesignError.invalidSetting(name: "batch size", value: String(batchSize), allowed: "at least 1")
        }
        guard (0...1).contains(uncertaintyShare + diversityShare) else {
            throw CoDesignError.invalidSetting(
                name: "uncertainty + diversity share", value: String(uncertaintyShare + diversityShare), allowed: "0 to 1")
        }
        guard patience >= 0 else { throw CoDesignError.invalidSetting(name: "patience", value: String(patience), allowed: "0 or more") }
    }
}
