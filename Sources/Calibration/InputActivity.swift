import DesignSpace
import RTLGen
import RTLSim

/// The input toggle rate of realistic stimulus for a module: transformer-like values, half of
/// them pruned to zero as DynaProp leaves them (zeros toggle less), one new input per cycle.
public enum InputActivity {
    public static func measure(_ variant: ModuleVariant, format f: FixedPointFormat, cycles: Int = 256, seed: UInt64 = 45) -> Double {
        let h = ModuleHarness(variant: variant, format: f)
        var rng = SeededGenerator(seed: seed)
        var previous: BitVector?
        var toggles = 0
        var bits = 0
        for _ in 0..<cycles {
            var values: [String: [Int64]] = [:]
            for port in h.layout.inputs {
                let n = port.bits / h.elementBits[port.name]!
                let width = h.elementBits[port.name]!
                values[port.name] = (0..<n).map { _ in
                    if width == 1 { return port.name.hasSuffix("valid") || port.name.hasSuffix("ready") ? 1 : Int64(rng.next() % 2) }
                    if width < f.bits { return Int64(rng.next() % 4) }
                    return rng.nextUnit() < 0.5 ? 0 : f.quantize(rng.nextGaussian() * 0.5)
                }
            }
            let v = h.vector(values)
            if let p = previous {
                for i in 0..<v.width where v.get(at: i, bits: 1) != p.get(at: i, bits: 1) { toggles += 1 }
                bits += v.width
            }
            previous = v
        }
        return bits == 0 ? 0 : Double(toggles) / Double(bits)
    }
}
