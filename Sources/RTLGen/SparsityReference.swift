/// Bit-exact models of the pre- and post-compute sparsity templates.
package enum SparsityReference {
    /// Kept values packed to the front (zeros after) and their count; mask true = ineffectual.
    package static func pack(_ row: [Int64], mask: [Bool]) -> (packed: [Int64], count: Int) {
        var packed = row.indices.compactMap { mask[$0] ? nil : row[$0] }
        let count = packed.count
        packed += [Int64](repeating: 0, count: row.count - count)
        return (packed, count)
    }

    /// The inverse: packed values back to their unmasked positions.
    package static func unpack(_ packed: [Int64], mask: [Bool]) -> [Int64] {
        var next = 0
        return mask.map { pruned in
            if pruned { return 0 }
            defer { next += 1 }
            return packed[next]
        }
    }
}
