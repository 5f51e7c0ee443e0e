import DesignSpace
import RTLGen

/// A leaf module's ports as the testbench sees them, with the element width of each vector
/// port, so stimulus can be written and responses read as arrays of fixed-point words.
public struct ModuleHarness: Sendable {
    public let variant: ModuleVariant
    public let layout: PortLayout
    /// Bits per element of each port (a port of N elements has N x element bits).
    public let elementBits: [String: Int]

    public init(variant: ModuleVariant, format f: FixedPointFormat) {
        self.variant = variant
        let w = f.bits
        var l: PortLayout
        var e: [String: Int] = [:]
        func add(_ name: String, _ count: Int, _ bits: Int, output: Bool = false) {
            if output { l.output(name, count * bits) } else { l.input(name, count * bits) }
            e[name] = bits
        }
        switch variant {
        case .macLane(let m, _):
            l = PortLayout(validOutput: "out_valid")
            for flag in ["in_valid", "in_first", "in_last", "in_act"] { add(flag, 1, 1) }
            add("in_a", m, w)
            add("in_b", m, w)
            add("out_valid", 1, 1, output: true)
            add("out_y", 1, w, output: true)
        case .dynaProp(let b, let x):
            let aw = Int.ceilLog2(ModuleVariant.thresholdTableDepth)
            l = PortLayout(validOutput: "out_valid")
            add("tbl_we", 1, 1); add("tbl_addr", 1, aw); add("tbl_data", 1, w); add("tau_load", 1, 1); add("rho_sel", 1, aw)
            add("in_valid", 1, 1); add("in_transpose", 1, 1); add("in_tile", b * x * x, w)
            add("out_valid", 1, 1, output: true); add("out_tile", b * x * x, w, output: true); add("out_mask", b * x * x, 1, output: true)
        case .preSparsity(let n):
            l = PortLayout(validOutput: "out_valid")
            add("in_valid", 1, 1); add("in_row", n, w); add("in_mask", n, 1)
            add("out_valid", 1, 1, output: true); add("out_packed", n, w, output: true)
            add("out_count", 1, Int.ceilLog2(n + 1), output: true)
        case .postSparsity(let n):
            l = PortLayout(validOutput: "out_valid")
            add("in_valid", 1, 1); add("in_packed", n, w); add("in_mask", n, 1)
            add("out_valid", 1, 1, output: true); add("out_row", n, w, output: true)
        case .softmax(let b, let x):
            l = PortLayout(validOutput: "out_valid")
            add("in_valid", 1, 1); add("in_rows", b * x, w); add("in_keep", b * x, 1)
            add("out_valid", 1, 1, output: true); add("out_rows", b * x, w, output: true)
        case .layerNorm(let b, let x):
            l = PortLayout(validOutput: "out_valid")
            add("in_valid", 1, 1); add("in_rows", b * x, w); add("in_gamma", x, w); add("in_beta", x, w)
            add("out_valid", 1, 1, output: true); add("out_rows", b * x, w, output: true)
        case .fifo(let width, _):
            l = PortLayout(validOutput: "out_valid")
            add("in_valid", 1, 1); add("in_data", 1, width); add("out_ready", 1, 1)
            add("in_ready", 1, 1, output: true); add("out_valid", 1, 1, output: true); add("out_data", 1, width, output: true)
        }
        layout = l
        elementBits = e
    }

    /// One cycle of stimulus; ports not named are 0.
    public func vector(_ values: [String: [Int64]]) -> BitVector {
        var v = BitVector(width: layout.inputBits)
        for (name, elements) in values {
            let port = layout.input(named: name)
            let bits = elementBits[name]!
            for (i, element) in elements.enumerated() { v.set(element, at: port.offset + i * bits, bits: bits) }
        }
        return v
    }

    /// The elements of an output port, sign-extended when `signed`.
    public func read(_ sample: RTLSimulator.Sample, _ name: String, signed: Bool = true) -> [Int64] {
        let port = layout.output(named: name)
        let bits = elementBits[name]!
        return (0..<(port.bits / bits)).map { sample.outputs.get(at: port.offset + $0 * bits, bits: bits, signed: signed && bits > 1) }
    }
}
