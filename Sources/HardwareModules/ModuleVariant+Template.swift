import DesignSpace

extension ModuleVariant {
    /// Depth of the DynaProp (rho -> tau) table.
    package static let thresholdTableDepth = 16

    /// Accumulator width of the MAC lane: wide enough for any product sum the design space
    /// produces without wrapping.
    package static func accumulatorBits(_ f: FixedPointFormat) -> Int { 2 * f.bits - f.fractionBits + 16 }

    /// log2(e) and the 2^f correction constant in the format's fraction bits.
    package static func log2eQ(_ f: FixedPointFormat) -> Int64 { Int64((1.4426950408889634 * Double(f.one)).rounded()) }
    package static func exp2CorrectionQ(_ f: FixedPointFormat) -> Int64 { Int64(((3 - 2 * 2.0.squareRoot()) * Double(f.one)).rounded()) }
    /// Layer-norm epsilon (1e-5) in the format, at least one unit.
    package static func epsilonQ(_ f: FixedPointFormat) -> Int64 { max(1, Int64((1e-5 * Double(f.one)).rounded())) }

    /// Values for the template, `module` and `banner` included. All derived values (widths,
    /// logarithms, constants) are computed here, so templates do no arithmetic.
    package func templateValues(format f: FixedPointFormat, banner: String) -> [String: String] {
        var v: [String: String] = ["module": moduleName, "banner": banner]
        switch self {
        case .macLane(let m, let a):
            v.merge([
                "w": "\(f.bits)", "fl": "\(f.fractionBits)", "m": "\(m)", "log2m": "\(Int.ceilLog2(m))",
                "accw": "\(Self.accumulatorBits(f))", "gelu": a == .gelu ? "1" : "0",
            ]) { $1 }
        case .dynaProp(let b, let x):
            v.merge([
                "b": "\(b)", "r": "\(x)", "c": "\(x)", "w": "\(f.bits)", "depth": "\(Self.thresholdTableDepth)",
                "aw": "\(Int.ceilLog2(Self.thresholdTableDepth))", "transpose": "1",
            ]) { $1 }
        case .preSparsity(let n), .postSparsity(let n):
            v.merge(["n": "\(n)", "w": "\(f.bits)", "cw": "\(Int.ceilLog2(n + 1))"]) { $1 }
        case .softmax(let b, let x):
            v.merge([
                "b": "\(b)", "y": "\(x)", "w": "\(f.bits)", "fl": "\(f.fractionBits)", "log2y": "\(Int.ceilLog2(x))",
                "levels": "\(Self.treeLevelsPerStage)", "tree_stages": "\(Self.treeStages(tile: x))",
                "div_stages": "\(Self.softmaxDividerStages(f))", "div_step": "\(Self.dividerBitsPerStage)",
                "log2e_q": "\(Self.log2eQ(f))", "c_q": "\(Self.exp2CorrectionQ(f))",
            ]) { $1 }
        case .layerNorm(let b, let x):
            v.merge([
                "b": "\(b)", "y": "\(x)", "w": "\(f.bits)", "fl": "\(f.fractionBits)", "log2y": "\(Int.ceilLog2(x))",
                "levels": "\(Self.treeLevelsPerStage)", "tree_stages": "\(Self.treeStages(tile: x))",
                "sqrt_stages": "\(Self.layerNormSquareRootStages(f))", "sqrt_step": "\(Self.squareRootBitsPerStage)",
                "recip_bits": "\(Self.layerNormReciprocalBits(f))", "div_stages": "\(Self.layerNormDividerStages(f))",
                "div_step": "\(Self.dividerBitsPerStage)", "eps_q": "\(Self.epsilonQ(f))",
            ]) { $1 }
        case .fifo(let w, let d):
            v.merge(["w": "\(w)", "depth": "\(d)", "aw": "\(max(Int.ceilLog2(d), 1))"]) { $1 }
        }
        return v
    }
}
