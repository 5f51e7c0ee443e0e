import DesignSpace

/// A stratified sample of the FlexiBERT 2.0 space.
///
/// Four strata are drawn per model, each from its own stream of shuffled rounds over all its
/// choices, so among the first n models every choice of a stratum appears floor(n/k) or
/// ceil(n/k) times (k choices): the layer count (6), a width (4 hidden sizes), a head
/// operation (7) and a feed-forward stack depth (3). The model then has that many layers;
/// layer 1 takes the stratum's width and stack depth and its first head is the stratum's
/// operation; every other hidden size, stack depth and head takes the stratum's choice with
/// probability 1/2 and a uniform draw otherwise, so models range from homogeneous to fully
/// heterogeneous. Head counts and feed-forward sizes are uniform. Deterministic in `seed`.
package enum StratifiedSample {
    /// The first `count` models of the sample for `seed`.
    package static func models(count: Int, seed: UInt64) -> [TransformerModel] {
        var rng = SeededGenerator(seed: seed)
        var depths = Stratum(TransformerSpace.layerCounts)
        var widths = Stratum(TransformerSpace.hiddenSizes)
        var operations = Stratum(TransformerSpace.headOperationOrder)
        var stacks = Stratum(TransformerSpace.feedForwardStacks)
        return (0..<count).map { _ in
            let l = depths.next(&rng)
            let width = widths.next(&rng)
            let operation = operations.next(&rng)
            let stack = stacks.next(&rng)
            func pick<T>(_ stratum: T, _ all: [T], forced: Bool) -> T {
                forced || Bool.random(using: &rng) ? stratum : all.randomElement(using: &rng)!
            }
            let layers = (0..<l).map { j in
                let h = pick(width, TransformerSpace.hiddenSizes, forced: j == 0)
                let n = TransformerSpace.headCounts.randomElement(using: &rng)!
                let heads = (0..<n).map { k in pick(operation, TransformerSpace.headOperationOrder, forced: j == 0 && k == 0) }
                let depth = pick(stack, TransformerSpace.feedForwardStacks, forced: j == 0)
                let sizes = (0..<depth).map { _ in TransformerSpace.feedForwardSizes.randomElement(using: &rng)! }
                return try! TransformerLayer(hiddenSize: h, heads: heads, feedForward: sizes, layer: j + 1)
            }
            return try! TransformerModel(layers: layers)
        }
    }

    /// Hands out a stratum's choices in shuffled rounds, each round every choice once.
    private struct Stratum<T> {
        let choices: [T]
        var round: [T] = []

        init(_ choices: [T]) { self.choices = choices }

        mutating func next(_ rng: inout SeededGenerator) -> T {
            if round.isEmpty { round = choices.shuffled(using: &rng) }
            return round.removeLast()
        }
    }
}
