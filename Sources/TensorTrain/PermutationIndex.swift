/// The source position of every element of a permuted row-major tensor, computed on plain
/// integers once per permutation (no generic element type in the loop).
enum PermutationIndex {
    /// For each element of the result (axes of `sizes`, last fastest), its position in the
    /// source, whose stride along each result axis is `sourceStrides`.
    static func gather(sourceStrides: [Int], sizes: [Int], count: Int) -> [Int] {
        var result = [Int](repeating: 0, count: count)
        var counter = [Int](repeating: 0, count: sizes.count)
        var source = 0
        for i in 0..<count {
            result[i] = source
            var a = sizes.count - 1
            while a >= 0 {
                counter[a] += 1
                source += sourceStrides[a]
                if counter[a] < sizes[a] { break }
                source -= sourceStrides[a] * sizes[a]
                counter[a] = 0
                a -= 1
            }
        }
        return result
    }
}
