import StructuredInput

extension DesignSpaceError {
    /// Runs a file reader and reports its failure as this target's one-line error
    /// (`cannot read PATH: REASON`), so that callers see one error type.
    static func reading<T>(_ read: () throws(StructuredInputError) -> T) throws(DesignSpaceError) -> T {
        do {
            return try read()
        } catch {
            throw .malformedFile(path: error.path, reason: error.reason)
        }
    }
}
