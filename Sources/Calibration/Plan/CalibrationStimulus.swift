import DesignSpace
import HardwareModules
import RTLGen
import RTLSim

/// Realistic stimulus for measuring a module's switching activity: transformer-like values
/// (Gaussian, sigma 0.5), half of them pruned to zero as DynaProp leaves them (zeros toggle
/// less), one new input per cycle; valid and ready held high, other flags random.
package enum CalibrationStimulus {
    /// Cycles of stimulus per module: enough for per-net rates to settle within a few percent.
    package static let defaultCycles = 256

    package static func vectors(_ variant: ModuleVariant, format f: FixedPointFormat, cycles: Int = defaultCycles, seed: UInt64 = 45)
        -> [BitVector]
    {
        let h = ModuleHarness(variant: variant, format: f)
        var rng = SeededGenerator(seed: seed)
        return (0..<cycles).map { _ in
            var values: [String: [Int64]] = [:]
            for port in h.layout.inputs {
                let width = h.elementBits[port.name]!
                values[port.name] = (0..<(port.bits / width)).map { _ in
                    if width == 1 { return port.name.hasSuffix("valid") || port.name.hasSuffix("ready") ? 1 : Int64(rng.next() % 2) }
                    if width < f.bits { return Int64(rng.next() % 4) }
                    return rng.nextUnit() < 0.5 ? 0 : f.quantize(rng.nextGaussian() * 0.5)
                }
            }
            return h.vector(values)
        }
    }

    /// Mean toggles per input bit per cycle of `vectors`.
    package static func inputToggleRate(_ vectors: [BitVector]) -> Double {
        var toggles = 0
        var bits = 0
        for (previous, v) in zip(vectors, vectors.dropFirst()) {
            for i in 0..<v.width where v.get(at: i, bits: 1) != previous.get(at: i, bits: 1) { toggles += 1 }
            bits += v.width
        }
        return bits == 0 ? 0 : Double(toggles) / Double(bits)
    }
}
