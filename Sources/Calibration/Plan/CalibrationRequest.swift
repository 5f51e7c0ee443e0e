import CostModel

/// What one calibration does: which modules it synthesises, and where its inputs and
/// outputs are.
public struct CalibrationRequest: Sendable {
    /// What to synthesise before assembling the table.
    public enum Synthesis: Sendable, Equatable {
        /// Every variant of the plan.
        case wholePlan
        /// The plan's variants of these names, merged into the stored records.
        case modules([String])
        /// Nothing: assemble the table from the stored records alone (no tools or liberty
        /// needed; the records' provenance becomes the table's).
        case none
    }

    public var synthesis: Synthesis
    public var plan: CalibrationPlan
    /// The liberty file; needed unless `synthesis` is `.none`.
    public var liberty: String?
    /// The templates directory.
    public var templates: String
    /// Buffer, main-memory and controller figures with their citations.
    public var memoryModels: String
    /// Module records (JSON), read and, after a synthesis, rewritten.
    public var records: String
    /// The hardware table to write.
    public var table: String
    /// Cache of per-module results, keyed by content hash.
    public var cache: String
    /// The table the non-synthesised entries are scaled from, and compared with.
    public var reference: HardwareTable
    /// Whether the report carries a module-by-module comparison with `reference`.
    public var compareWithReference: Bool

    public init(synthesis: Synthesis, plan: CalibrationPlan = .standard, liberty: String?, templates: String, memoryModels: String,
                records: String, table: String, cache: String, reference: HardwareTable, compareWithReference: Bool = false) {
        self.synthesis = synthesis
        self.plan = plan
        self.liberty = liberty
        self.templates = templates
        self.memoryModels = memoryModels
        self.records = records
        self.table = table
        self.cache = cache
        self.reference = reference
        self.compareWithReference = compareWithReference
    }
}
