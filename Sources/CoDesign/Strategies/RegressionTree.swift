import DesignSpace

/// A CART regression tree (variance reduction), the base of the random-forest and
/// gradient-boosted-trees baselines (paper Fig. 11).
struct RegressionTree: Sendable {
    indirect enum Node: Sendable {
        case leaf(Double)
        case split(feature: Int, threshold: Double, left: Node, right: Node)
    }

    let root: Node

    init(
        inputs: [[Double]], targets: [Double], indices: [Int], maxDepth: Int, minLeaf: Int,
        featuresPerSplit: Int, rng: inout SeededGenerator
    ) {
        root = Self.grow(
            inputs, targets, indices, depth: 0, maxDepth: maxDepth, minLeaf: minLeaf,
            featuresPerSplit: featuresPerSplit, rng: &rng)
    }

    static func grow(
        _ x: [[Double]], _ y: [Double], _ idx: [Int], depth: Int, maxDepth: Int, minLeaf: Int,
        featuresPerSplit: Int, rng: inout SeededGenerator
    ) -> Node {
        let mean = idx.reduce(0) { $0 + y[$1] } / Double(idx.count)
        guard depth < maxDepth, idx.count >= 2 * minLeaf else { return .leaf(mean) }
        let d = x[0].count
        var features = Array(0..<d)
        features.shuffle(using: &rng)
        var best: (score: Double, feature: Int, threshold: Double)? = nil
        let total = idx.reduce(0) { $0 + y[$1] }
        for f in features.prefix(featuresPerSplit) {
            let sorted = idx.sorted { x[$0][f] < x[$1][f] }
            var leftSum = 0.0
            for k in 0..<(sorted.count - 1) {
                leftSum += y[sorted[k]]
                let nl = Double(k + 1)
                let nr = Double(sorted.count - k - 1)
                guard k + 1 >= minLeaf, sorted.count - k - 1 >= minLeaf, x[sorted[k]][f] < x[sorted[k + 1]][f] else { continue }
                // Maximising sum^2/n on both sides minimises the squared error.
                let score = leftSum * leftSum / nl + (total - leftSum) * (total - leftSum) / nr
                if best == nil || score > best!.score {
                    best = (score, f, (x[sorted[k]][f] + x[sorted[k + 1]][f]) / 2)
                }
            }
        }
        guard let b = best else { return .leaf(mean) }
        let left = idx.filter { x[$0][b.feature] <= b.threshold }
        let right = idx.filter { x[$0][b.feature] > b.threshold }
        return .split(
            feature: b.feature, threshold: b.threshold,
            left: grow(x, y, left, depth: depth + 1, maxDepth: maxDepth, minLeaf: minLeaf, featuresPerSplit: featuresPerSplit, rng: &rng),
            right: grow(x, y, right, depth: depth + 1, maxDepth: maxDepth, minLeaf: minLeaf, featuresPerSplit: featuresPerSplit, rng: &rng))
    }

    func predict(_ v: [Double]) -> Double {
        var node = root
        while true {
            switch node {
            case .leaf(let value): return value
            case .split(let f, let t, let l, let r): node = v[f] <= t ? l : r
            }
        }
    }
}

/// Bagged trees with random feature subsets; the spread across trees is the uncertainty.
struct RandomForest: Sendable {
    let trees: [RegressionTree]

    init(inputs: [[Double]], targets: [Double], trees count: Int = 30, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let n = inputs.count
        let features = max(1, Int(Double(inputs[0].count).squareRoot().rounded()) * 2)
        trees = (0..<count).map { _ in
            let sample = (0..<n).map { _ in Int.random(in: 0..<n, using: &rng) }
            return RegressionTree(
                inputs: inputs, targets: targets, indices: sample, maxDepth: 10, minLeaf: 2,
                featuresPerSplit: features, rng: &rng)
        }
    }

    func predict(_ x: [Double]) -> (mean: Double, std: Double) {
        let p = trees.map { $0.predict(x) }
        let mean = p.reduce(0, +) / Double(p.count)
        return (mean, (p.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(p.count)).squareRoot())
    }
}

/// Gradient-boosted regression trees on the squared error.
struct GradientBoostedTrees: Sendable {
    let base: Double
    let trees: [RegressionTree]
    let rate: Double

    init(inputs: [[Double]], targets: [Double], rounds: Int = 60, rate: Double = 0.1, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        self.rate = rate
        let start = targets.reduce(0, +) / Double(targets.count)
        var residual = targets.map { $0 - start }
        var built: [RegressionTree] = []
        let all = Array(0..<inputs.count)
        for _ in 0..<rounds {
            let tree = RegressionTree(
                inputs: inputs, targets: residual, indices: all, maxDepth: 3, minLeaf: 3,
                featuresPerSplit: inputs[0].count, rng: &rng)
            for i in 0..<inputs.count { residual[i] -= rate * tree.predict(inputs[i]) }
            built.append(tree)
        }
        trees = built
        base = start
    }

    func predict(_ x: [Double]) -> Double { trees.reduce(base) { $0 + rate * $1.predict(x) } }
}
