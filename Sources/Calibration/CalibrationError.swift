/// Why a module could not be calibrated.
public enum CalibrationError: Error, Equatable, CustomStringConvertible {
    case synthesisFailed(module: String, log: String)
    case unmappedCells(module: String, cells: [String])
    case inferredLatch(module: String)
    case unknownArea(module: String, cell: String)
    case timingFailed(module: String, log: String)
    case unreadableLiberty(path: String)

    public var description: String {
        switch self {
        case .synthesisFailed(let module, let log): "yosys could not synthesise \(module): \(log)"
        case .unmappedCells(let module, let cells): "\(module) has cells yosys left unmapped to the liberty: \(cells.joined(separator: ", ")); fix the RTL"
        case .inferredLatch(let module): "\(module) infers a latch: make every always_comb assign all its outputs"
        case .unknownArea(let module, let cell): "\(module) uses cell \(cell) whose area the liberty does not give: check the liberty file"
        case .timingFailed(let module, let log): "OpenSTA could not time \(module): \(log)"
        case .unreadableLiberty(let path): "cannot read liberty \(path): run scripts/setup or set TRANSCODE_LIBERTY"
        }
    }
}
