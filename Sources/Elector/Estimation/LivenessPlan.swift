import DesignSpace

/// A layer's buffer events as the liveness walk produced them (`LevelLedger`'s recording),
/// with the state the walk carried into and out of the layer: a later layer of the same
/// shape, head order and incoming state produces exactly these events (at its own levels),
/// so the walk replays them instead of walking the layer head by head again.
struct LivenessPlan {
    /// The first layer walked in this state.
    let layer: LayerStructure
    /// Carried in: forward, the layer input's bytes and whether the backward pass reads it;
    /// backward, the gradient bytes belonging to the layer's result.
    let incoming: Double
    let incomingFlag: Bool
    /// The events, levels relative to the layer's base level (`LevelLedger.Event`).
    let events: [LevelLedger.Event]
    /// Carried out, as `incoming` for the next layer walked.
    let outgoing: Double
    let outgoingFlag: Bool
    /// The base level of the next layer walked, past this one's.
    let levelChange: Int

    /// Whether `other`, entered in the given state, produces these events.
    func matches(_ other: LayerStructure, incoming: Double, flag: Bool) -> Bool {
        self.incoming == incoming && incomingFlag == flag && layer.hasSameWork(as: other) && layer.heads == other.heads
    }
}
