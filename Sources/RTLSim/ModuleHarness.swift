import DesignSpace
import HardwareModules
import RTLGen

/// A leaf module's ports as the testbench sees them, with the element width of each vector
/// port, so stimulus can be written and responses read as arrays of fixed-point words.
package struct ModuleHarness: Sendable {
    package let variant: ModuleVariant
    package let layout: PortLayout
    /// Bits per element of each port (a port of N elements has N x element bits).
    package let elementBits: [String: Int]

    /// The harness of `variant`'s ports as the catalogue lists them (`ModuleVariant.ports`).
    package init(variant: ModuleVariant, format f: FixedPointFormat) {
        self.variant = variant
        var l = PortLayout(validOutput: ModuleVariant.validOutput)
        var e: [String: Int] = [:]
        for port in variant.ports(format: f) {
            if port.isOutput { l.output(port.name, port.bits) } else { l.input(port.name, port.bits) }
            e[port.name] = port.elementBits
        }
        layout = l
        elementBits = e
    }

    /// One cycle of stimulus; ports not named are 0.
    package func vector(_ values: [String: [Int64]]) -> BitVector {
        var v = BitVector(width: layout.inputBits)
        for (name, elements) in values {
            let port = layout.input(named: name)
            let bits = elementBits[name]!
            for (i, element) in elements.enumerated() { v.set(element, at: port.offset + i * bits, bits: bits) }
        }
        return v
    }

    /// The elements of an output port, sign-extended when `signed`.
    package func read(_ sample: RTLSimulator.Sample, _ name: String, signed: Bool = true) -> [Int64] {
        let port = layout.output(named: name)
        let bits = elementBits[name]!
        return (0..<(port.bits / bits)).map { sample.outputs.get(at: port.offset + $0 * bits, bits: bits, signed: signed && bits > 1) }
    }
}
