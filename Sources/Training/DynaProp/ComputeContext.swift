/// Shared by every operation of one network: DynaProp's thresholds, the place where products
/// run, and the counters of the sparsity profile.
///
/// Pruning happens where an operand enters a product (paper Table I: each activation or
/// gradient matrix is pruned before the operation that consumes it). Weights are not pruned
/// here: the paper's weight sparsity is static (Section V-A), which `WeightPruner` applies
/// between optimizer steps; this context only counts the zeros of each weight that enters a
/// product.
package final class ComputeContext {
    package let thresholds: DynaPropThresholds
    /// Whether products and pruning are counted (costs one pass over each operand); the
    /// trainer turns it off while it evaluates.
    package var profiling: Bool
    private(set) var sites: [ProductSite: SparsityCounts] = [:]

    package init(thresholds: DynaPropThresholds = .none, profiling: Bool = false) {
        self.thresholds = thresholds
        self.profiling = profiling
    }

    /// The counts so far as a profile.
    package var profile: DynaPropProfile { DynaPropProfile(thresholds: thresholds, sites: sites) }

    /// Forgets the counts (e.g. after a warm-up).
    package func resetCounts() { sites = [:] }

    /// Prunes an activation matrix that is about to enter a forward product.
    func pruneActivations(_ values: inout [Float], at site: ProductSite) {
        let zeros = Self.prune(&values, below: thresholds.tauI, counting: profiling)
        if profiling {
            sites[site, default: SparsityCounts()].activationValues += values.count
            sites[site, default: SparsityCounts()].activationZeros += zeros
        }
    }

    /// Counts a weight matrix that is about to enter a forward product (it is not pruned here).
    func countWeights(_ values: [Float], at site: ProductSite) {
        guard profiling else { return }
        var zeros = 0
        for value in values where value == 0 { zeros += 1 }
        sites[site, default: SparsityCounts()].weightValues += values.count
        sites[site, default: SparsityCounts()].weightZeros += zeros
    }

    /// Prunes a gradient matrix that is about to enter a backward product.
    func pruneGradients(_ values: inout [Float], at site: ProductSite) {
        let zeros = Self.prune(&values, below: thresholds.tauT, counting: profiling)
        if profiling {
            sites[site, default: SparsityCounts()].gradientValues += values.count
            sites[site, default: SparsityCounts()].gradientZeros += zeros
        }
    }

    /// Pruning is y = x where |x| >= tau, else 0; its derivative is 0 where x was pruned, so
    /// the gradient reaching a pruned input is cleared. `pruned` is the input after pruning.
    func clearPrunedGradients(_ gradient: inout [Float], pruned: [Float]) {
        guard thresholds.tauI > 0 else { return }
        for i in gradient.indices where pruned[i] == 0 { gradient[i] = 0 }
    }

    /// A matrix product (see `MatrixProduct.multiply`), counted at `site` when profiling.
    func multiply(
        at site: ProductSite, backward: Bool = false, m: Int, n: Int, k: Int,
        _ a: [Float], _ aOffset: Int = 0, lda: Int, transposeA: Bool = false,
        _ b: [Float], _ bOffset: Int = 0, ldb: Int, transposeB: Bool = false,
        into c: inout [Float], _ cOffset: Int = 0, ldc: Int, accumulate: Bool = false
    ) {
        if profiling {
            var effectual = 0
            for inner in 0..<k {
                var left = 0
                for row in 0..<m where a[aOffset + (transposeA ? inner * lda + row : row * lda + inner)] != 0 { left += 1 }
                guard left > 0 else { continue }
                var right = 0
                for column in 0..<n where b[bOffset + (transposeB ? column * ldb + inner : inner * ldb + column)] != 0 { right += 1 }
                effectual += left * right
            }
            record(at: site, backward: backward, macs: m * n * k, effectual: effectual)
        }
        MatrixProduct.multiply(
            m: m, n: n, k: k, a, aOffset, lda: lda, transposeA: transposeA, b, bOffset, ldb: ldb, transposeB: transposeB,
            into: &c, cOffset, ldc: ldc, accumulate: accumulate)
    }

    /// Counts MACs an operation computed outside `multiply` (the depthwise convolution).
    func record(at site: ProductSite, backward: Bool, macs: Int, effectual: Int) {
        if backward {
            sites[site, default: SparsityCounts()].backwardMACs += macs
            sites[site, default: SparsityCounts()].backwardEffectualMACs += effectual
        } else {
            sites[site, default: SparsityCounts()].forwardMACs += macs
            sites[site, default: SparsityCounts()].forwardEffectualMACs += effectual
        }
    }

    /// Zeroes entries with |x| < tau (none when tau is 0) and, when `counting`, returns how
    /// many entries are zero.
    private static func prune(_ values: inout [Float], below tau: Float, counting: Bool) -> Int {
        // Nothing to do: return before touching the buffer, which would copy a shared array.
        guard tau > 0 || counting else { return 0 }
        var zeros = 0
        values.withUnsafeMutableBufferPointer { buffer in
            if tau > 0 {
                for i in buffer.indices where abs(buffer[i]) < tau { buffer[i] = 0 }
            }
            if counting { for value in buffer where value == 0 { zeros += 1 } }
        }
        return zeros
    }
}
