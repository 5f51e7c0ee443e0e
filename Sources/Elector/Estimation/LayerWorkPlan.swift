/// A layer's recorded work (`WorkEntry`s in a shared list), kept for the layers after it that
/// have the same shape: the fast mode tiles each distinct layer shape once per run and
/// replays the recorded costs in the same order, so the ledger's sums are bit-identical to
/// tiling every layer afresh.
struct LayerWorkPlan {
    /// The first layer of this shape; later layers are compared with it.
    let layer: LayerStructure
    /// Its entries in the shared list.
    let entries: Range<Int>
    /// Forward: the level of the layer's result past its input's; backward: the level of the
    /// layer input's gradient past its result's.
    let levelChange: Int
    /// Forward output values of the layer (for the footprint); 0 backward.
    let values: Int
}
