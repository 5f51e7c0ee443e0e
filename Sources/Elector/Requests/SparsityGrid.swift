/// Measured figures over the (tau_I, tau_T) grid of a DynaProp sweep, interpolated
/// bilinearly: gradient sparsity depends on both thresholds (a gradient reaching an input that
/// tau_I pruned is cleared), so a curve over tau_T alone would average over tau_I.
package struct SparsityGrid: Sendable, Equatable {
    /// Increasing thresholds.
    package let tauI: [Double]
    package let tauT: [Double]
    /// Per figure (`weight`, `activation`, `gradient`, `forward_effectual`,
    /// `backward_effectual`), values[i][t] at (tauI[i], tauT[t]), each in [0, 1].
    package let values: [String: [[Double]]]

    package static let figures = ["weight", "activation", "gradient", "forward_effectual", "backward_effectual"]

    package init(tauI: [Double], tauT: [Double], values: [String: [[Double]]]) {
        self.tauI = tauI
        self.tauT = tauT
        self.values = values
    }

    /// The figure at (tauI, tauT); a threshold outside the grid is refused like one outside a
    /// measured curve.
    package func value(_ figure: String, tauI a: Double, tauT g: Double) throws -> Double {
        let grid = values[figure]!
        // Every figure shares the axes, so the message names the threshold, not the figure.
        let (i, s) = try Self.locate(a, in: tauI, kind: "measured tau_I")
        let (t, u) = try Self.locate(g, in: tauT, kind: "measured tau_T")
        let i1 = min(i + 1, tauI.count - 1)
        let t1 = min(t + 1, tauT.count - 1)
        let low = grid[i][t] + u * (grid[i][t1] - grid[i][t])
        let high = grid[i1][t] + u * (grid[i1][t1] - grid[i1][t])
        return low + s * (high - low)
    }

    /// The cell below `x` and the fraction of the way to the next point.
    private static func locate(_ x: Double, in axis: [Double], kind: String) throws -> (Int, Double) {
        guard x >= axis.first!, x <= axis.last! else {
            throw ElectorError.tauOutsideCurve(kind: kind, tau: x, low: axis.first!, high: axis.last!)
        }
        for k in 0..<(axis.count - 1) where x <= axis[k + 1] {
            return (k, (x - axis[k]) / (axis[k + 1] - axis[k]))
        }
        return (axis.count - 1, 0)
    }
}
