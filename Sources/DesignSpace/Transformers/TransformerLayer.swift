/// One encoder layer of a FlexiBERT 2.0 model: hidden size, a multiset of head
/// operations and a stack of 1 to 3 feed-forward layers (paper Table III).
public struct TransformerLayer: Hashable, Codable, Sendable {
    /// Hidden size h.
    public let hiddenSize: Int
    /// Head operations in canonical (sorted) order; the count is the number of heads.
    public let heads: [HeadOperation]
    /// Feed-forward hidden sizes, applied in order.
    public let feedForward: [Int]

    /// Creates a layer after checking it against the space; `layer` (1-based) names it in errors.
    public init(hiddenSize: Int, heads: [HeadOperation], feedForward: [Int], layer: Int = 1) throws {
        let prefix = "layer \(layer)"
        guard TransformerSpace.hiddenSizes.contains(hiddenSize) else {
            throw DesignSpaceError.invalidValue(
                field: "\(prefix) h", value: String(hiddenSize),
                allowed: AcceleratorSpace.describe(TransformerSpace.hiddenSizes))
        }
        guard TransformerSpace.headCounts.contains(heads.count) else {
            throw DesignSpaceError.invalidValue(
                field: "\(prefix) o (number of heads)", value: String(heads.count),
                allowed: AcceleratorSpace.describe(TransformerSpace.headCounts))
        }
        guard TransformerSpace.feedForwardStacks.contains(feedForward.count) else {
            throw DesignSpaceError.invalidValue(
                field: "\(prefix) f (number of stacks)", value: String(feedForward.count),
                allowed: AcceleratorSpace.describe(TransformerSpace.feedForwardStacks))
        }
        for size in feedForward where !TransformerSpace.feedForwardSizes.contains(size) {
            throw DesignSpaceError.invalidValue(
                field: "\(prefix) f", value: String(size),
                allowed: AcceleratorSpace.describe(TransformerSpace.feedForwardSizes))
        }
        self.hiddenSize = hiddenSize
        self.heads = heads.sorted()
        self.feedForward = feedForward
    }

    /// Per-head hidden size d = h / n, rounded down as the published tools do.
    public var headSize: Int { hiddenSize / heads.count }

    /// How many heads use each operation.
    public func count(of operation: HeadOperation) -> Int {
        heads.filter { $0 == operation }.count
    }
}
