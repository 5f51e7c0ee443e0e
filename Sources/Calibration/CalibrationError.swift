/// Why a module could not be calibrated.
package enum CalibrationError: Error, Equatable, CustomStringConvertible {
    case synthesisFailed(module: String, log: String)
    case unmappedCells(module: String, cells: [String])
    case inferredLatch(module: String)
    case unknownArea(module: String, cell: String)
    case unsupportedCell(module: String, cell: String)
    case timingFailed(module: String, log: String)
    case netlistMismatch(module: String, cycle: Int)
    /// No liberty file at the path: the only case where the setup hint helps.
    case unreadableLiberty(path: String)
    /// A file that exists but is not a liberty library; `line` where the parser stopped.
    case notLiberty(path: String, line: Int?, problem: String)
    /// A file the bounded reader refused (a directory, a device, too large, not text, bad JSON).
    case unreadableFile(path: String, reason: String)
    case missingRecord(module: String, file: String)
    case unreadableRecords(path: String)
    case unreadableMemoryModels(path: String, reason: String)
    case unknownModule(name: String, known: [String])
    case noLiberty
    /// The SRAM module's port list has a form the macro model cannot read.
    case unreadableSRAMPort(module: String, line: String)

    package var description: String {
        switch self {
        case .synthesisFailed(let module, let log): "yosys could not synthesise \(module): \(log)"
        case .unmappedCells(let module, let cells):
            "\(module) has cells yosys left unmapped to the liberty: \(cells.joined(separator: ", ")); fix the RTL"
        case .inferredLatch(let module): "\(module) infers a latch: make every always_comb assign all its outputs"
        case .unknownArea(let module, let cell): "\(module) uses cell \(cell) whose area the liberty does not give: check the liberty file"
        case .unsupportedCell(let module, let cell):
            "\(module) uses cell \(cell) whose liberty function cannot be simulated: exclude it with dont_use"
        case .timingFailed(let module, let log): "OpenSTA could not time \(module): \(log)"
        case .netlistMismatch(let module, let cycle):
            "the synthesised netlist of \(module) differs from its RTL at cycle \(cycle): report this synthesis result"
        case .unreadableLiberty(let path): "cannot read liberty \(path): run scripts/setup or set TRANSCODE_LIBERTY"
        case .notLiberty(let path, let line, let problem):
            "\(path) is not a liberty library" + (line.map { ": line \($0)" } ?? "") + ": \(problem)"
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .missingRecord(let module, let file): "\(file) has no record for \(module): run 'transcode calibrate' to synthesise it"
        case .unreadableRecords(let path):
            "cannot read calibration records \(path) (an older format?): delete it and run 'transcode calibrate'"
        case .unreadableMemoryModels(let path, let reason): "cannot read memory models \(path): \(reason)"
        case .unknownModule(let name, let known): "unknown module '\(name)': use one of \(known.joined(separator: ", "))"
        case .noLiberty: "synthesis needs the NanGate45 liberty file: run scripts/setup or set TRANSCODE_LIBERTY"
        case .unreadableSRAMPort(let module, let line):
            "cannot read port '\(line)' of \(module) for its macro model: declare it as 'input wire logic [NAME-1:0] port'"
        }
    }
}
