import HardwareModules

/// Bit-exact model of the MAC lane template.
package struct MacLaneReference: Sendable {
    package let format: FixedPointFormat
    package let macs: Int
    package let gelu: Bool

    package init(format: FixedPointFormat, macs: Int, gelu: Bool) {
        self.format = format
        self.macs = macs
        self.gelu = gelu
    }

    /// One cycle of input.
    package struct Beat: Sendable {
        package var a: [Int64]
        package var b: [Int64]
        package var first: Bool
        package var last: Bool
        package var act: Bool
        package init(a: [Int64], b: [Int64], first: Bool, last: Bool, act: Bool) {
            (self.a, self.b, self.first, self.last, self.act) = (a, b, first, last, act)
        }
    }

    var accumulatorBits: Int { ModuleVariant.accumulatorBits(format) }

    func wrap(_ v: Int64) -> Int64 {
        let s = 64 - accumulatorBits
        return (v << s) >> s
    }

    /// The activation stage on a saturated word.
    package func activation(_ xs: Int64) -> Int64 {
        if !gelu { return xs < 0 ? 0 : xs }
        let half = Int64(1) << (format.fractionBits - 1)
        let one = format.one
        let t = min(max((xs >> 2) + (xs >> 5) + (xs >> 9) + half, 0), one)
        return format.signExtend((xs * t) >> format.fractionBits)
    }

    /// Outputs, one per beat marked `last`, in order.
    package func run(_ beats: [Beat]) -> [Int64] {
        var acc: Int64 = 0
        var out: [Int64] = []
        for beat in beats {
            var sum: Int64 = 0
            for i in 0..<macs { sum = wrap(sum + wrap((beat.a[i] * beat.b[i]) >> format.fractionBits)) }
            acc = beat.first ? sum : wrap(acc + sum)
            if beat.last {
                let xs = format.saturate(acc)
                out.append(beat.act ? activation(xs) : xs)
            }
        }
        return out
    }
}
