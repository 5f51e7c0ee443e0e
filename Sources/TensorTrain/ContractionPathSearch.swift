/// Finds the contraction order of least cost for a tensor-train product (HEAT's contraction
/// path optimisation), by dynamic programming over the subsets of the d + 1 tensors: the
/// best way to contract a subset is the best split of it into two connected parts, each
/// contracted its best way, plus the cost of their product.
///
/// The cost is a function of each product's shape, supplied by the caller: a count of MACs
/// reproduces the FLOP-optimal path; the simulator supplies the accelerator's own tile cost
/// (tile padding, buffer traffic), which makes the choice hardware-aware.
package struct ContractionPathSearch: Sendable {
    /// Which contraction trees are allowed.
    package enum Trees: Sendable {
        /// X absorbs one core at a time, in any order: every product has an activation on the
        /// left and a stored core on the right, which the mapper runs as weighted matmuls with
        /// their usual backward pass.
        case sequential
        /// Any tree, including products of cores with each other.
        case any
    }

    package let trees: Trees

    package init(trees: Trees = .sequential) {
        self.trees = trees
    }

    /// The cheapest path for `shape` under `cost`.
    package func best(_ shape: ContractionShape, cost: (ContractionStep) -> Double) -> ContractionPath {
        let operands = shape.operandIndices
        let count = operands.count
        let full = (1 << count) - 1
        // Each index's tensors, as a bit set.
        var owners: [TensorIndex: Int] = [:]
        for (t, indices) in operands.enumerated() { for index in indices { owners[index, default: 0] |= 1 << t } }
        /// The free indices of the tensor that contracting `set` gives, in a canonical order.
        func indices(_ set: Int) -> [TensorIndex] {
            owners.filter { index, mask in
                mask & set != 0 && (mask & ~set != 0 || index == .rows || { if case .output = index { true } else { false } }())
            }.keys.sorted()
        }
        var best = [Double](repeating: .infinity, count: full + 1)
        var split = [Int](repeating: 0, count: full + 1)
        for t in 0..<count { best[1 << t] = 0 }
        // Subsets in increasing order: every part of a set is smaller than the set.
        for set in 1...full where set & (set - 1) != 0 {
            if trees == .sequential && set & 1 == 0 { continue }
            var part = (set - 1) & set
            while part > 0 {
                let rest = set & ~part
                // Visit each unordered split once, and only splits allowed by `trees`.
                if part < rest || trees == .sequential {
                    let allowed =
                        trees == .any || (part & 1 != 0 && rest.nonzeroBitCount == 1)
                    if allowed, best[part].isFinite, best[rest].isFinite {
                        let a = indices(part)
                        let b = indices(rest)
                        if !Set(a).isDisjoint(with: b) {
                            let c = best[part] + best[rest] + cost(shape.step(a, b, left: 0, right: 0))
                            if c < best[set] {
                                best[set] = c
                                split[set] = part
                            }
                        }
                    }
                }
                part = (part - 1) & set
            }
        }
        // Rebuild the steps in post-order, numbering results after the operands.
        var steps: [ContractionStep] = []
        var current = operands
        func build(_ set: Int) -> Int {
            if set.nonzeroBitCount == 1 { return set.trailingZeroBitCount }
            let a = build(split[set])
            let b = build(set & ~split[set])
            let step = shape.step(current[a], current[b], left: a, right: b)
            steps.append(step)
            current.append(step.resultIndices)
            return current.count - 1
        }
        _ = build(full)
        return ContractionPath(shape: shape, steps: steps, cost: best[full])
    }

    /// Every path `trees` allows is found by `best` for some cost; this enumerates the
    /// sequential ones (one per order of the cores), for tests and tables.
    package static func sequentialPaths(_ shape: ContractionShape) -> [ContractionPath] {
        let d = shape.tensorTrain.coreCount
        return permutations(Array(1...d)).map { order in
            var current = shape.operandIndices
            var steps: [ContractionStep] = []
            var acc = 0
            for core in order {
                let step = shape.step(current[acc], current[core], left: acc, right: core)
                steps.append(step)
                current.append(step.resultIndices)
                acc = current.count - 1
            }
            return ContractionPath(shape: shape, steps: steps, cost: Double(steps.reduce(0) { $0 + $1.macs }))
        }
    }

    private static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i -> [[Int]] in
            var rest = items
            let first = rest.remove(at: i)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
