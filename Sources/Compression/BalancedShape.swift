import DesignSpace

/// The most even tensorisation of a matrix into `cores` cores: the pair of factor lists whose
/// largest-to-smallest factor ratio is least (the first in encoding order among equals).
package enum BalancedShape {
    package static func of(rows: Int, columns: Int, cores: Int) -> (input: [Int], output: [Int])? {
        DecompositionSpace.shapesByBalance(rows: rows, columns: columns, cores: cores).first
    }
}
