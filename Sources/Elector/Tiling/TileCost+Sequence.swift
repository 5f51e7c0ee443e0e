extension TileCost {
    /// The cost of operations run one after the other on the same unit class as one
    /// operation (the products of a tensor-train matrix): work, traffic and tiles add up, the
    /// per-tile cycles and the computing share are their work-weighted means, and each
    /// product's pipeline drains before the next, which reads its result, starts. Every part
    /// holds the same units per tile (a whole PE, for matmuls). Main-memory transfers are the
    /// caller's: the parts carry none.
    static func sequence(_ parts: [TileCost], outputBytes: Double, maskBytes: Double, outputValues: Int) -> TileCost {
        var c = parts[0]
        for part in parts.dropFirst() {
            c.tiles += part.tiles
            c.pipelineLatency += part.pipelineLatency
            c.effectualMACs += part.effectualMACs
            c.denseMACs += part.denseMACs
            c.bufferReadBytes += part.bufferReadBytes
            c.bufferWriteBytes += part.bufferWriteBytes
            c.rowsThroughSparsity += part.rowsThroughSparsity
        }
        let work = parts.reduce(0) { $0 + $1.workCycles }
        let active = parts.reduce(0) { $0 + $1.activeCycles }
        precondition(parts.allSatisfy { $0.unitsPerTile == c.unitsPerTile }, "parts on different units per tile")
        c.cyclesPerTile = work / Double(max(c.parts, 1))
        c.activeFraction = work > 0 ? active / work : 1
        c.outputBytes = outputBytes
        c.maskBytes = maskBytes
        c.outputValues = outputValues
        return c
    }
}
