/// The ELECTOR accelerator design space (paper Table II): its value lists, a bijection
/// with the integers 0 ..< 14,850,000, sampling, enumeration and embeddings.
///
/// The value lists and `radices` are frozen at `SpaceVersion.current`: a stored
/// `accelerator_index` means the digit of each list below, in this order. They are written out
/// here, never derived from `allCases` of an enum, so that adding or reordering an enum case
/// cannot renumber the space. Changing any of them needs a new `SpaceVersion`.
public enum AcceleratorSpace {
    public static let batchTiles = [1, 4]
    public static let spatialTiles = [8, 16, 32]
    /// Frozen in Table II's order (ReLU, GeLU), independent of `Activation.allCases`.
    public static let activations: [Activation] = [.relu, .gelu]
    public static let processingElements = [64, 128, 256, 512, 1024]
    public static let macLanesPerPE = [8, 16, 32, 64, 128]
    public static let macsPerLane = [1, 16]
    public static let softmaxPerPE = [2, 4, 8, 16, 32, 64]
    public static let batchSizes = [4, 16, 32]
    public static let activationBufferMB = [4, 8, 16, 32, 64]
    public static let weightBufferMB = [8, 16, 32, 64, 128]
    public static let maskBufferMB = [1, 2, 4, 8, 16]
    public static let mainMemories = MainMemory.all

    /// Number of choices per field, most significant first; the index is mixed-radix over these.
    ///
    /// Frozen at space version 1 from paper Table II, field by field: b, x, activation, PEs,
    /// lanes per PE, MACs per lane, softmax per PE, batch size, the three buffers, main memory.
    /// Written as numbers rather than counted from the lists so that a list that grows fails
    /// the pinning tests instead of silently renumbering every stored index.
    public static let radices = [2, 3, 2, 5, 5, 2, 6, 3, 5, 5, 5, 11]

    /// Exactly 14,850,000 (paper Section IV-B).
    public static let count: Int = radices.reduce(1, *)

    static func check(_ value: Int, _ allowed: [Int], field: String) throws {
        guard allowed.contains(value) else {
            throw DesignSpaceError.invalidValue(
                field: field, value: String(value), allowed: describe(allowed))
        }
    }

    static func describe(_ allowed: [Int]) -> String {
        "{" + allowed.map(String.init).joined(separator: ", ") + "}"
    }

    // MARK: Index bijection

    /// The configuration at `index` (0 ..< `count`).
    public static func config(at index: Int) throws -> AcceleratorConfig {
        guard (0..<count).contains(index) else {
            throw DesignSpaceError.indexOutOfRange(
                what: "accelerator", index: String(index), count: String(count - 1))
        }
        var digits = [Int](repeating: 0, count: radices.count)
        var rest = index
        for position in radices.indices.reversed() {
            digits[position] = rest % radices[position]
            rest /= radices[position]
        }
        return try AcceleratorConfig(
            batchTile: batchTiles[digits[0]], spatialTile: spatialTiles[digits[1]],
            activation: activations[digits[2]], processingElements: processingElements[digits[3]],
            macLanesPerPE: macLanesPerPE[digits[4]], macsPerLane: macsPerLane[digits[5]],
            softmaxPerPE: softmaxPerPE[digits[6]], batchSize: batchSizes[digits[7]],
            activationBufferMB: activationBufferMB[digits[8]],
            weightBufferMB: weightBufferMB[digits[9]], maskBufferMB: maskBufferMB[digits[10]],
            mainMemory: mainMemories[digits[11]])
    }

    /// The index of `config`; the inverse of `config(at:)`.
    public static func index(of config: AcceleratorConfig) -> Int {
        let digits = [
            batchTiles.firstIndex(of: config.batchTile)!,
            spatialTiles.firstIndex(of: config.spatialTile)!,
            activations.firstIndex(of: config.activation)!,
            processingElements.firstIndex(of: config.processingElements)!,
            macLanesPerPE.firstIndex(of: config.macLanesPerPE)!,
            macsPerLane.firstIndex(of: config.macsPerLane)!,
            softmaxPerPE.firstIndex(of: config.softmaxPerPE)!,
            batchSizes.firstIndex(of: config.batchSize)!,
            activationBufferMB.firstIndex(of: config.activationBufferMB)!,
            weightBufferMB.firstIndex(of: config.weightBufferMB)!,
            maskBufferMB.firstIndex(of: config.maskBufferMB)!,
            mainMemories.firstIndex(of: config.mainMemory)!,
        ]
        return zip(digits, radices).reduce(0) { $0 * $1.1 + $1.0 }
    }

    /// `n` configurations drawn uniformly (with replacement) from the whole space.
    public static func sample(_ n: Int, seed: UInt64) -> [AcceleratorConfig] {
        var rng = SeededGenerator(seed: seed)
        return (0..<n).map { _ in try! config(at: Int.random(in: 0..<count, using: &rng)) }
    }

    /// Every configuration in index order, produced lazily.
    public static var all: LazyMapSequence<Range<Int>, AcceleratorConfig> {
        (0..<count).lazy.map { try! config(at: $0) }
    }
}
