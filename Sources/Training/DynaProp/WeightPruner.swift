/// DynaProp's weight sparsity: static, as the paper has it (Tuli and Jha, TransCODE, arXiv
/// 2303.14882, Section V-A: "Weight sparsity is static and depends on pruning performed
/// during model pre-training or fine-tuning", held at 50% in its experiments).
///
/// The paper uses movement pruning (Sanh et al., 2020), whose scores rank weights by how far
/// fine-tuning moves them from pre-trained values. This trainer starts from random weights,
/// not a pre-trained model, so it prunes by magnitude instead: each weight matrix of an
/// encoder layer (projections, feed-forward, W_a, convolution kernels; not the embedding, the
/// classifier, biases or layer-norm) keeps its largest-magnitude `1 - target` fraction. The
/// mask is taken at the start, refreshed from the current magnitudes after every optimizer
/// step of the first half of training (a pruned weight whose update makes it large comes
/// back), and frozen for the second half: the trained model's weight sparsity is static.
/// Pruned weights are zeroed after every step, so every forward product sees the target.
package final class WeightPruner {
    /// Fraction of each pruned matrix's entries that are zero, in [0, 1).
    package let target: Double
    private let parameters: [Parameter]
    private let refreshSteps: Int
    private var masks: [[Bool]]
    private var steps = 0

    /// Prunes `network`'s encoder weights to `target` now; `totalSteps` is the number of
    /// optimizer steps the run will take.
    package init(network: Network, target: Double, totalSteps: Int) {
        self.target = target
        parameters = network.layers.flatMap(\.parameters).filter { parameter in
            ["weight", "wa", "kernel"].contains(parameter.name.split(separator: ".").last.map(String.init) ?? "")
        }
        refreshSteps = totalSteps / 2
        masks = []
        refresh()
    }

    /// Called after each optimizer step: refreshes the mask during the first half, then zeroes
    /// the pruned weights.
    package func afterStep() {
        steps += 1
        if steps <= refreshSteps { refresh() } else { apply() }
    }

    /// Keeps the largest-magnitude entries of each matrix (ties by position) and zeroes the rest.
    private func refresh() {
        masks = parameters.map { parameter in
            let count = parameter.value.count
            let pruned = Int((Double(count) * target).rounded(.down))
            var keep = [Bool](repeating: true, count: count)
            let order = parameter.value.indices.sorted { a, b in
                let (x, y) = (abs(parameter.value[a]), abs(parameter.value[b]))
                return x != y ? x < y : a < b
            }
            for i in order.prefix(pruned) { keep[i] = false }
            return keep
        }
        apply()
    }

    private func apply() {
        for (parameter, keep) in zip(parameters, masks) {
            var value = parameter.value
            for i in value.indices where !keep[i] { value[i] = 0 }
            parameter.value = value
        }
    }
}
