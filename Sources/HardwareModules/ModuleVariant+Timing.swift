import DesignSpace

/// Cycle latency and initiation interval of every synthesised module, as functions of its
/// parameters. `transcode rtl timing` measures the same figures in Verilator
/// (synth/timing.json), and a test compares the two, so the simulator cannot drift from the
/// hardware.
extension ModuleVariant {
    /// Cycles from an input to its result in the paper's format (IL 4, FL 16), the one the
    /// simulator and the tables model.
    package var latency: Int { latency(format: .paper) }

    /// Cycles from an input to its result in format `f` (the divider and square-root depths
    /// follow the fraction bits).
    package func latency(format f: FixedPointFormat) -> Int {
        switch self {
        // One register after the multipliers, one per adder-tree level (log2 M), one for the
        // accumulator and one for activation and saturation.
        case .macLane(let m, _): 3 + Int.ceilLog2(m)
        // Transpose and comparison of the whole tile in one registered stage.
        case .dynaProp: 1
        // One tile row compacted (pre) or expanded (post) per cycle, registered.
        case .preSparsity, .postSparsity: 1
        // Max tree, five exponential stages, sum tree, the divider, scaling.
        case .softmax(_, let x): 2 * Self.treeStages(tile: x) + 5 + Self.softmaxDividerStages(f) + 1
        // Mean tree, centring, squares, variance tree, (var + eps) << FL, the square root, the
        // divider, and three scaling stages (reciprocal, gamma, beta with saturation).
        case .layerNorm(_, let x):
            2 * Self.treeStages(tile: x) + 3 + Self.layerNormSquareRootStages(f) + Self.layerNormDividerStages(f) + 3
        // One cycle from write to read.
        case .fifo: 1
        // A command is registered, its first region set up, then its first address offered:
        // two cycles from the command handshake to the first address handshake.
        case .dmaEngine: 2
        // The response is registered: one cycle after the address (and data) handshakes.
        case .csr: 1
        // Prefix counts of the zeros, then the values move by their counts (zeroFreeStages each).
        case .zeroFreePacker(let n): 2 * Self.zeroFreeStages(values: n)
        // Prefix counts, the counts packed to the kept values' slots, then the values move back.
        case .zeroFreeUnpacker(let n): 3 * Self.zeroFreeStages(values: n)
        }
    }

    /// Cycles between consecutive inputs: every module is fully pipelined (softmax and
    /// layer-norm accept one row per batch-tile lane every cycle; their dividers and square
    /// root are unrolled into one stage per few bits, not iterated).
    package var initiationInterval: Int { 1 }
}
