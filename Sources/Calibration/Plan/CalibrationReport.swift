/// What a calibration did: the modules it synthesised, and the table it assembled or the
/// records it still lacks.
package struct CalibrationReport: Sendable {
    /// The records of this run's synthesis, in the order run (empty when assembling only).
    package let synthesised: [ModuleCalibration]
    /// The records file, when this run rewrote it.
    package let recordsWritten: String?
    /// The plan's modules that have no record yet: the table was not assembled.
    package let missingRecords: [String]
    /// The assembled table with its scaling checks, when every record was there.
    package let calibrated: CalibratedTable?
    /// The file the table was written to, when assembled.
    package let tableWritten: String?
    /// The comparison with the reference table, when asked for and assembled.
    package let comparison: TableComparison?
}
