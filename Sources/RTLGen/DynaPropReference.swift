import HardwareModules

/// Bit-exact model of the DynaProp template: optional transpose, then magnitude pruning.
package enum DynaPropReference {
    /// `tile` is B x R x C in row-major order; returns the pruned tile and the mask (true = pruned).
    package static func prune(
        _ tile: [Int64], batch: Int, rows: Int, columns: Int, transpose: Bool, tau: Int64,
        format: FixedPointFormat
    ) -> (values: [Int64], mask: [Bool]) {
        var values = [Int64](repeating: 0, count: tile.count)
        var mask = [Bool](repeating: false, count: tile.count)
        for b in 0..<batch {
            for r in 0..<rows {
                for c in 0..<columns {
                    let source = transpose ? (b * rows + c) * columns + r : (b * rows + r) * columns + c
                    let v = format.signExtend(tile[source])
                    let pruned = abs(v) < tau
                    let destination = (b * rows + r) * columns + c
                    values[destination] = pruned ? 0 : v
                    mask[destination] = pruned
                }
            }
        }
        return (values, mask)
    }
}
