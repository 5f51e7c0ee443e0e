import CostModel

/// What one calibration does: which modules it synthesises, and where its inputs and
/// outputs are.
package struct CalibrationRequest: Sendable {
    /// What to synthesise before assembling the table.
    package enum Synthesis: Sendable, Equatable {
        /// Every variant of the plan.
        case wholePlan
        /// The plan's variants of these names, merged into the stored records.
        case modules([String])
        /// Nothing: assemble the table from the stored records alone (no tools or liberty
        /// needed; the records' provenance becomes the table's).
        case none
    }

    package var synthesis: Synthesis
    package var plan: CalibrationPlan
    /// The liberty file; needed unless `synthesis` is `.none`.
    package var liberty: String?
    /// The templates directory.
    package var templates: String
    /// Buffer, main-memory and controller figures with their citations.
    package var memoryModels: String
    /// Module records (JSON), read and, after a synthesis, rewritten.
    package var records: String
    /// The hardware table to write.
    package var table: String
    /// Cache of per-module results, keyed by content hash.
    package var cache: String
    /// The table the non-synthesised entries are scaled from, and compared with.
    package var reference: HardwareTable
    /// Whether the report carries a module-by-module comparison with `reference`.
    package var compareWithReference: Bool
    /// The glue records (JSON), read and, after a glue synthesis, rewritten.
    package var glueRecords: String
    /// The design whose glue to synthesise first (accelerator index and PE count), if any.
    package var glueDesign: (index: Int, processingElements: Int)?

    package init(
        synthesis: Synthesis, plan: CalibrationPlan = .standard, liberty: String?, templates: String, memoryModels: String,
        records: String, table: String, cache: String, reference: HardwareTable, compareWithReference: Bool = false,
        glueRecords: String, glueDesign: (index: Int, processingElements: Int)? = nil
    ) {
        self.glueRecords = glueRecords
        self.glueDesign = glueDesign
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
