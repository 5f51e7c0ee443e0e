import DesignSpace
import Elector
import Testing

/// Row chunks under DynaProp follow the binomial count of kept values.
@Suite struct PETimingTests {
    @Test func expectedChunksFollowTheKeptCount() throws {
        let c = try AcceleratorConfig(
            batchTile: 1, spatialTile: 8, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 1,
            softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])
        let pe = PETiming(config: c, format: .paper)
        // Dense rows of 8 values on one multiplier: 8 chunks each.
        #expect(pe.tileChunks() == 64 && pe.expectedRowChunks(density: 1) == 8)
        // Half kept: E[max(1, k)] = 8 / 2 + P(k = 0) = 4 + 1/256.
        #expect(abs(pe.expectedRowChunks(density: 0.5) - (4 + 1.0 / 256)) < 1e-12)
        // Nothing kept still costs a chunk per row; fewer kept values never cost more.
        #expect(pe.expectedRowChunks(density: 0) == 1)
        #expect(pe.expectedRowChunks(density: 0.3) <= pe.expectedRowChunks(density: 0.6))
    }
}
