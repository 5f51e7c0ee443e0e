/// Every way a compression study can be asked for wrongly.
package enum CompressionError: Error, Equatable, CustomStringConvertible {
    /// A core count the decomposition encoding does not offer.
    case unsupportedCores(Int, allowed: [Int])
    /// A rank that is not positive.
    case invalidRank(Int)
    /// The model to compress already holds decomposed matrices.
    case alreadyDecomposed
    /// A `transcode compress` output folder that cannot be read back.
    case unreadableRun(path: String, reason: String)

    package var description: String {
        switch self {
        case .unsupportedCores(let cores, let allowed):
            "invalid value \(cores) for option '--cores': allowed " + allowed.map(String.init).joined(separator: ", ")
        case .invalidRank(let rank):
            "invalid value \(rank) for option '--ranks': allowed a rank of at least 1"
        case .alreadyDecomposed:
            "the model already holds tensor-train matrices: compress its dense form (drop the model dict's \"tt\" key)"
        case .unreadableRun(let path, let reason):
            "cannot read the compress run \(path): \(reason)"
        }
    }
}
