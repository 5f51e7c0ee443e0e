/// One tiled operation of a layer's work as the fast mode records it: its cost, its
/// multiplicity (identical heads) and its level counted from the layer's input level
/// (forward) or its result's gradient level (backward). Layers of the same shape share one
/// recorded list (`LayerWorkPlan`), replayed at their own levels, so a model of identical
/// layers is tiled once.
struct WorkEntry {
    let cost: TileCost
    let copies: Int
    /// The level relative to the layer's own base level.
    let level: Int
}
