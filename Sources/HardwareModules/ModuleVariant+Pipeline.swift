import DesignSpace

/// The pipeline depth of softmax and layer-norm, derived once from the module's parameters
/// and the fixed-point format. The templates receive these values; the latency formula
/// (`ModuleVariant+Timing`) sums the same stages, so RTL, catalogue and simulator agree.
extension ModuleVariant {
    /// Adder and comparator tree levels between two registers: two levels of 22- to 30-bit
    /// adders or comparators stay under 2.5 ns on NanGate45.
    package static let treeLevelsPerStage = 2
    /// Quotient bits a divider stage resolves (one compare-and-subtract each).
    package static let dividerBitsPerStage = 2
    /// Root bits a square-root stage resolves (one compare-and-subtract each).
    package static let squareRootBitsPerStage = 2

    /// Registered stages of a `tile`-leaf reduction tree (at least one: the root is registered).
    package static func treeStages(tile: Int) -> Int {
        max(1, (Int.ceilLog2(tile) + treeLevelsPerStage - 1) / treeLevelsPerStage)
    }

    /// Softmax reciprocal: 2^(2 FL) / sum with sum >= 2^FL (the kept maximum contributes exactly
    /// 1.0), so FL + 1 quotient bits.
    package static func softmaxDividerStages(_ f: FixedPointFormat) -> Int {
        stages(bits: f.fractionBits + 1, perStage: dividerBitsPerStage)
    }

    /// Layer-norm square root: the operand (var + eps) << FL has at most 2W + 3 bits (var below
    /// 2^(2W + 2 - FL)), so W + 2 root bits.
    package static func layerNormSquareRootStages(_ f: FixedPointFormat) -> Int {
        stages(bits: f.bits + 2, perStage: squareRootBitsPerStage)
    }

    /// Layer-norm reciprocal bits: 2^(2 FL) / std with std >= isqrt(eps << FL) >= 2^floor(FL/2)
    /// (eps is at least one unit), so the quotient is at most 2^(2 FL - floor(FL/2)).
    package static func layerNormReciprocalBits(_ f: FixedPointFormat) -> Int {
        2 * f.fractionBits - f.fractionBits / 2 + 1
    }

    package static func layerNormDividerStages(_ f: FixedPointFormat) -> Int {
        stages(bits: layerNormReciprocalBits(f), perStage: dividerBitsPerStage)
    }

    private static func stages(bits: Int, perStage: Int) -> Int { (bits + perStage - 1) / perStage }

    /// Registered stages of one log2(n)-level network of the zero-free packer and unpacker
    /// (prefix counts of n mask bits, or n values moved by powers of two): a register after
    /// every `treeLevelsPerStage` levels and after the last. A level is a narrow adder or a
    /// 2:1 multiplexer, so two of them sit well inside a MAC lane's period.
    package static func zeroFreeStages(values n: Int) -> Int { treeStages(tile: n) }
}
