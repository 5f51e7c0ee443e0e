/// An operation cut into b x x x y tiles for its unit class (paper Section III-B1): the
/// operation, what its tiles cost, and how their cycles spread, for the cycle-level mode.
struct TiledOperation: Sendable {
    let operation: MappedOperation
    /// Tiles, expected cycles per tile, latency, MACs and traffic (see `TileCost`).
    let cost: TileCost
    /// Standard deviation of the cycles per tile across tiles (pruning varies tile by tile).
    /// A tile's parts (`TileCost.unitsPerTile`) take the same time.
    let cyclesDeviation: Double
}
