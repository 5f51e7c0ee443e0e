import DesignSpace

/// Cycle latency and initiation interval of every hardware module, as functions of its
/// parameters. The RTL generator's testbenches measure the same figures in Verilator, and a
/// test compares the two, so the simulator cannot drift from the hardware.
public enum ModuleTiming {
    /// MAC lane: one register after the multipliers, one per adder-tree level (log2 M),
    /// one for the accumulator and one for activation and saturation.
    public static func macLaneLatency(macsPerLane m: Int) -> Int { 3 + Int.ceilLog2(m) }
    /// DynaProp: transpose and comparison of the whole tile in one registered stage.
    public static let dynaPropLatency = 1
    /// Pre-compute sparsity: one tile row compacted per cycle, registered.
    public static let preSparsityLatency = 1
    /// Post-compute sparsity: one row expanded per cycle, registered.
    public static let postSparsityLatency = 1
    /// FIFO: one cycle from write to read.
    public static let fifoLatency = 1
    /// Softmax: max tree, exponentials, sum tree, reciprocal, scaling: one stage each per row.
    public static func softmaxLatency(tile: Int) -> Int { 5 }
    /// Layer-norm: mean, centring, variance, inverse square root, reciprocal, scaling.
    public static func layerNormLatency(tile: Int) -> Int { 6 }
    /// Softmax and layer-norm accept one row per batch-tile lane every cycle.
    public static let rowInitiationInterval = 1

    /// Pipeline fill added once per operation on the MAC lanes: FIFO in, DynaProp,
    /// pre-sparsity, the lane, post-sparsity and FIFO out.
    public static func macPathLatency(macsPerLane m: Int) -> Int {
        fifoLatency + dynaPropLatency + preSparsityLatency + macLaneLatency(macsPerLane: m) + postSparsityLatency + fifoLatency
    }

}
