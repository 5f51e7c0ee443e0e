import HardwareModules

/// Bit-exact model of the layer-norm template.
package enum LayerNormReference {
    /// The exact digit-by-digit integer square root the template unrolls (24 steps).
    package static func isqrt(_ v: UInt64) -> UInt64 {
        var x = v
        var res: UInt64 = 0
        var one: UInt64 = 1 << 46
        for _ in 0..<24 {
            if x >= res + one {
                x -= res + one
                res = (res >> 1) + one
            } else {
                res >>= 1
            }
            one >>= 2
        }
        return res
    }

    package static func row(_ x: [Int64], gamma: [Int64], beta: [Int64], format f: FixedPointFormat) -> [Int64] {
        let fl = Int64(f.fractionBits)
        let log2y = Int64(Int.ceilLog2(x.count))
        let values = x.map(f.signExtend)
        let mean = values.reduce(0, +) >> log2y
        let d = values.map { $0 - mean }
        let variance = d.map { ($0 * $0) >> fl }.reduce(0, +) >> log2y
        let std = Int64(isqrt(UInt64((variance + ModuleVariant.epsilonQ(f)) << fl)))
        let r = (f.one << fl) / std
        return d.indices.map { j in
            let n = (d[j] * r) >> fl
            let o = ((n * f.signExtend(gamma[j])) >> fl) + f.signExtend(beta[j])
            return f.saturate(o)
        }
    }
}
