/// Spearman's rank correlation: Pearson's correlation of the ranks, ties given their mean
/// rank. Used to compare measured and predicted accuracies, and two training budgets.
package enum RankCorrelation {
    /// Spearman's rho of two equally long lists; nil with fewer than 2 pairs or a constant list.
    package static func spearman(_ a: [Double], _ b: [Double]) -> Double? {
        precondition(a.count == b.count, "spearman needs equally long lists")
        guard a.count >= 2 else { return nil }
        return pearson(ranks(a), ranks(b))
    }

    /// Ranks from 1, ties averaged.
    package static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let mean = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = mean }
            start = end + 1
        }
        return ranks
    }

    /// Pearson's correlation; nil when either list is constant.
    package static func pearson(_ a: [Double], _ b: [Double]) -> Double? {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n
        let mb = b.reduce(0, +) / n
        var sab = 0.0
        var saa = 0.0
        var sbb = 0.0
        for i in a.indices {
            sab += (a[i] - ma) * (b[i] - mb)
            saa += (a[i] - ma) * (a[i] - ma)
            sbb += (b[i] - mb) * (b[i] - mb)
        }
        guard saa > 0, sbb > 0 else { return nil }
        return sab / (saa * sbb).squareRoot()
    }
}
