import DesignSpace

/// How many heads of a layer use each head recipe (`OperationRecipe.heads`), packed into one
/// word: the fast mode asks for these counts many times per layer, and a plain value with
/// no array behind it costs no allocation or reference counting.
struct HeadCounts: Equatable {
    /// Eight bits per recipe, recipe r at bits 8r ..< 8r + 8.
    private var packed: UInt64 = 0

    init(_ heads: [HeadOperation]) {
        precondition(OperationRecipe.heads.count <= 8 && heads.count < 256, "head counts are packed eight bits per recipe")
        for head in heads { packed += 1 << (8 * UInt64(OperationRecipe.headIndex(head))) }
    }

    /// Heads using recipe `OperationRecipe.heads[r]`.
    subscript(r: Int) -> Int { Int((packed >> (8 * UInt64(r))) & 0xff) }
}
