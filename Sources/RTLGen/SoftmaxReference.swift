import HardwareModules

/// Bit-exact model of the softmax template (see its header for the approximations).
package enum SoftmaxReference {
    /// Softmax of one row over the entries with `keep` true; the others give 0.
    package static func row(_ x: [Int64], keep: [Bool], format f: FixedPointFormat) -> [Int64] {
        let fl = Int64(f.fractionBits)
        let one = f.one
        let log2e = ModuleVariant.log2eQ(f)
        let c = ModuleVariant.exp2CorrectionQ(f)
        let kept = x.indices.filter { keep[$0] }.map { f.signExtend(x[$0]) }
        let mx = kept.max() ?? f.minValue
        let e: [Int64] = x.indices.map { j in
            let z = f.signExtend(x[j]) - mx
            let u = (z * log2e) >> fl
            let k = u >> fl
            let frac = u - (k << fl)
            let g = (frac * (one - frac)) >> fl
            let h = (g * c) >> fl
            let p2 = one + frac - h
            let nk = -k
            return (!keep[j] || nk >= fl + 2) ? 0 : p2 >> nk
        }
        let sum = e.reduce(0, +)
        let r = sum == 0 ? 0 : (one << fl) / sum
        return e.map { f.signExtend(($0 * r) >> fl) }
    }
}
