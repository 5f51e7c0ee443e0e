/// The tensor-train (TT) form of one weight matrix W[K, N] (HEAT, Gu et al. 2022; TT-matrix
/// format of Oseledets 2011): K = k_1 ... k_d and N = n_1 ... n_d are tensorised, and W is
/// the chain of d cores G_i[r_{i-1}, k_i, n_i, r_i] with r_0 = r_d = 1.
///
/// The design variables are the tensorisation (the two factor lists, the same length d) and
/// the interior ranks r_1 ... r_{d-1}. A value of this type is valid by construction: the
/// factors multiply to the matrix's sizes and no rank exceeds what its bond can carry.
public struct TensorTrainShape: Hashable, Sendable {
    /// k_1 ... k_d: the factors of the input width K, first core first.
    public let inputFactors: [Int]
    /// n_1 ... n_d: the factors of the output width N.
    public let outputFactors: [Int]
    /// r_1 ... r_{d-1}: the interior bond ranks.
    public let ranks: [Int]

    /// The fewest and most cores a decomposition may have. Two cores is a low-rank
    /// factorisation of a reshaped matrix; past four, the cores of the space's widths
    /// (at most 4096 = 2^12) would be factors of 2 and 3 only.
    public static let coreCounts = 2...4

    /// Checks the factors against the matrix W[rows, columns]; `field` names the matrix in
    /// errors (e.g. `tt[0].ff0`).
    public init(inputFactors: [Int], outputFactors: [Int], ranks: [Int], rows: Int, columns: Int, field: String) throws {
        let d = inputFactors.count
        guard Self.coreCounts.contains(d) else {
            throw DesignSpaceError.invalidValue(
                field: "\(field) in", value: Self.render(inputFactors),
                allowed: "\(Self.coreCounts.lowerBound) to \(Self.coreCounts.upperBound) factors")
        }
        guard outputFactors.count == d else {
            throw DesignSpaceError.invalidValue(
                field: "\(field) out", value: Self.render(outputFactors),
                allowed: "\(d) factors, as many as 'in' has")
        }
        for (name, factors, size) in [("in", inputFactors, rows), ("out", outputFactors, columns)] {
            guard factors.allSatisfy({ $0 >= 2 }), factors.reduce(1, *) == size else {
                throw DesignSpaceError.invalidValue(
                    field: "\(field) \(name)", value: Self.render(factors),
                    allowed: "factors of at least 2 whose product is the matrix's \(name == "in" ? "input" : "output") width \(size)")
            }
        }
        guard ranks.count == d - 1 else {
            throw DesignSpaceError.invalidValue(
                field: "\(field) ranks", value: Self.render(ranks), allowed: "\(d - 1) ranks, one per bond between \(d) cores")
        }
        for (i, rank) in ranks.enumerated() {
            let limit = Self.maximumRank(inputFactors: inputFactors, outputFactors: outputFactors, bond: i + 1)
            guard (1...limit).contains(rank) else {
                throw DesignSpaceError.invalidValue(
                    field: "\(field) ranks[\(i)]", value: String(rank),
                    allowed: "1 to \(limit) (the most bond \(i + 1) of this shape can carry)")
            }
        }
        self.inputFactors = inputFactors
        self.outputFactors = outputFactors
        self.ranks = ranks
    }

    /// The number of cores d.
    public var coreCount: Int { inputFactors.count }

    /// r_0 ... r_d, with the two boundary ranks of 1.
    public var bondRanks: [Int] { [1] + ranks + [1] }

    /// Learned values of the cores: the sum of r_{i-1} k_i n_i r_i.
    public var parameterCount: Int {
        let r = bondRanks
        return (0..<coreCount).reduce(0) { $0 + r[$1] * inputFactors[$1] * outputFactors[$1] * r[$1 + 1] }
    }

    /// The largest rank bond `bond` (1 to d-1) can have: the smaller side of the unfolding
    /// of W's tensor at that bond, beyond which the decomposition is no longer a compression
    /// of anything (TT-SVD's ranks are at most this).
    public static func maximumRank(inputFactors: [Int], outputFactors: [Int], bond: Int) -> Int {
        let sizes = zip(inputFactors, outputFactors).map { $0 * $1 }
        let left = sizes[..<bond].reduce(1, *)
        let right = sizes[bond...].reduce(1, *)
        return min(left, right)
    }

    /// `[a, b, c]` as in the model-dict JSON.
    static func render(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ", ") + "]"
    }
}
