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

    static let x8m1 = try! AcceleratorConfig(
        batchTile: 1, spatialTile: 8, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 1,
        softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: MainMemory.all[0])

    /// The expectation with weight masks against every mask of a row of 8 values and one
    /// lane's column (2^16 cases), each activation kept with probability p and each weight
    /// with probability q; a row costs max(1, ceil(n / M)), n kept by both masks.
    @Test(arguments: [(0.5, 1.0), (0.7, 0.3), (1.0, 0.2), (0.9, 0.6), (0.0, 0.5)])
    func expectedChunksMatchEnumeration(p: Double, q: Double) throws {
        let pe = PETiming(config: Self.x8m1, format: .paper)
        let x = 8
        var expected = 0.0
        for both in 0..<(1 << (2 * x)) {
            var probability = 1.0
            for j in 0..<x { probability *= (both >> j) & 1 == 1 ? p : 1 - p }
            for j in x..<(2 * x) { probability *= (both >> j) & 1 == 1 ? q : 1 - q }
            guard probability > 0 else { continue }
            let kept = (0..<x).filter { (both >> $0) & 1 == 1 && (both >> (x + $0)) & 1 == 1 }.count
            expected += probability * Double(pe.rowChunks(laneKept: [kept]))
        }
        #expect(abs(pe.expectedRowChunks(density: p, weightDensity: q, lanes: 1) - expected) < 1e-12)
        // Weight sparsity can only save cycles, and more lanes can only cost more.
        #expect(pe.expectedRowChunks(density: p, weightDensity: q, lanes: 8) <= pe.expectedRowChunks(density: p, lanes: 8) + 1e-12)
        #expect(
            pe.expectedRowChunks(density: p, weightDensity: q, lanes: 1)
                <= pe.expectedRowChunks(density: p, weightDensity: q, lanes: 8) + 1e-12)
    }

    /// The most over 8 lanes that share the row's mask, against a Monte Carlo estimate
    /// (20,000 rows; its standard error is below 0.007 chunks).
    @Test(arguments: [(0.8, 0.3), (1.0, 0.7)])
    func expectedLaneMaxMatchesMonteCarlo(p: Double, q: Double) throws {
        let pe = PETiming(config: Self.x8m1, format: .paper)
        var rng = SeededGenerator(seed: 42)
        let trials = 20_000
        var total = 0
        for _ in 0..<trials {
            let row = (0..<8).map { _ in rng.nextUnit() < p }
            let kept = (0..<8).map { _ in (0..<8).filter { row[$0] && rng.nextUnit() < q }.count }
            total += pe.rowChunks(laneKept: kept)
        }
        let estimate = Double(total) / Double(trials)
        #expect(abs(pe.expectedRowChunks(density: p, weightDensity: q, lanes: 8) - estimate) < 0.03)
    }

    /// Known data: a row costs what its slowest lane needs.
    @Test func knownRowsCostTheSlowestLane() throws {
        let pe = PETiming(config: Self.x8m1, format: .paper)
        #expect(pe.rowChunks(laneKept: [0, 0]) == 1)
        #expect(pe.rowChunks(laneKept: [3, 7, 4]) == 7)
        #expect(pe.tileChunks(laneKept: [[8, 1], [2, 2], [0, 0]]) == 8 + 2 + 1)
    }
}
