import AcceleratorProgram
import DesignSpace
import HardwareModules
import Testing

@testable import Elector

/// The simulator's tiles against the program model (`ProgramTimingModel`, which `transcode
/// validate` holds equal to the RTL). The simulator cannot run the validation's 2-PE designs
/// (the design space starts at 64 PEs), and on 64 PEs the program model's one weight port
/// serialises the PEs' weight loads, which the tiler does not model. So the check is per
/// tile: one tile's PE operations, run alone on one PE, keep it busy for exactly the cycles
/// the tiler charges a tile, and the cycle-level mode runs one tile per PE in that time.
@Suite struct TilerTimingTests {
    static let edge = BuiltIns.accelerator(named: "acceltran-edge")!

    /// AccelTran-Edge (X = 16, 16 lanes, M = 16); X = 16 with 8 lanes (two column groups per
    /// tile) and M = 1 (row chunks follow DynaProp); X = 8 with B = 4 and 16 lanes (half of
    /// them idle).
    static let configs: [AcceleratorConfig] = [
        edge,
        try! AcceleratorConfig(
            batchTile: 1, spatialTile: 16, activation: .relu, processingElements: 64, macLanesPerPE: 8, macsPerLane: 1,
            softmaxPerPE: 2, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: edge.mainMemory),
        try! AcceleratorConfig(
            batchTile: 4, spatialTile: 8, activation: .gelu, processingElements: 64, macLanesPerPE: 16, macsPerLane: 16,
            softmaxPerPE: 4, batchSize: 4, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1, mainMemory: edge.mainMemory),
    ]

    func operation(_ kind: MappedOperation.Kind) -> MappedOperation {
        MappedOperation(
            id: 0, label: OperationLabel(role: "test"), layer: 1, phase: .forward, kind: kind, dependencies: [], loadValues: 0,
            storeValues: 0, outputValues: 0, outputKind: .activation)
    }

    /// The program model's busy cycles of `code` alone on one PE (with `density` for every
    /// matmul), in the class `unit` counts.
    func busy(_ code: [Instruction], _ c: AcceleratorConfig, _ unit: ModuleClassBusy, density: Double = 1, weightDensity: Double = 1)
        throws -> Int
    {
        let model = ProgramTimingModel(config: c, format: .paper, processingElements: 1, dma: DMATiming(startLatency: 8))
        let target = Program.Target(batchTile: c.batchTile, tile: c.spatialTile, integerBits: 4, fractionBits: 16, lanes: c.macLanesPerPE)
        let densities = Dictionary(uniqueKeysWithValues: code.indices.map { ($0, density) })
        let weights = Dictionary(uniqueKeysWithValues: code.indices.map { ($0, weightDensity) })
        return try model.run(Program(target: target, instructions: code + [.end]), density: densities, weightDensity: weights)
            .busy[unit] ?? 0
    }

    @Test(arguments: [DynaPropSetting.off, .paperDefault])
    func aMatmulTileTakesItsPEOperations(dynaProp: DynaPropSetting) throws {
        for c in Self.configs {
            let tiler = Tiler(hardware: HardwareInstance(config: c, table: paperTable), dynaProp: dynaProp)
            let (b, x) = (c.batchTile, c.spatialTile)
            let tile = tiler.tile(
                operation(.matmul(batch: b, m: x, k: x, n: x, left: .activation, right: .weight, bandedK: nil, sharedRight: false)))
            #expect(tile.cost.tiles == 1 && tile.cost.unitsPerTile == c.macLanesPerPE)
            // One PE operation per column group of lanes, each loading its weight columns.
            let groups = (x + c.macLanesPerPE - 1) / c.macLanesPerPE
            let code = (0..<groups).map { g in
                Instruction.matmul(.init(pe: 0, source: 0, weights: 0, group: g, destination: 1, start: true, finish: true))
            }
            // The lanes skip pruned weights too (zero-free weight columns).
            let mac = try busy(
                code, c, .mac, density: 1 - dynaProp.activationSparsity, weightDensity: 1 - dynaProp.weightSparsity)
            // A PE's next read (another tile) does not wait for its result in the packer: only
            // a read of the word being written does. Each operation adds the idle cycle in which
            // the scheduler issues the PE's next one.
            #expect(
                Double(mac + groups * PETiming.issueCycles) == tile.cost.cyclesPerTile,
                "X = \(x), \(c.macLanesPerPE) lanes, M = \(c.macsPerLane)")
        }
    }

    @Test func softmaxAndLayerNormTilesTakeTheirPEOperations() throws {
        for c in Self.configs {
            let tiler = Tiler(hardware: HardwareInstance(config: c, table: paperTable), dynaProp: .off)
            let rows = c.batchTile * c.spatialTile
            let softmax = tiler.tile(operation(.softmax(rows: rows, columns: c.spatialTile)))
            let layerNorm = tiler.tile(operation(.layerNorm(rows: rows, columns: c.spatialTile)))
            #expect(softmax.cost.tiles == 1 && softmax.cost.unitsPerTile == c.softmaxPerPE)
            #expect(layerNorm.cost.tiles == 1 && layerNorm.cost.unitsPerTile == 1)
            let row = Instruction.RowOperation(pe: 0, source: 0, destination: 1)
            // Plus the idle cycle in which the scheduler issues the PE's next operation.
            let issue = PETiming.issueCycles
            #expect(Double(try busy([.softmax(row)], c, .softmax) + issue) == softmax.cost.cyclesPerTile)
            #expect(Double(try busy([.layerNorm(row, parameters: 2)], c, .layerNorm) + issue) == layerNorm.cost.cyclesPerTile)
        }
    }

    /// The tiler's throughput (a PE finishes a tile every `cyclesPerTile`) is the program
    /// model's on 2 PEs, where the shared weight port is not yet the bottleneck: 32 tiles,
    /// two at a time with their PE operations interleaved, take 16 tiles' time. (Issue is in
    /// order, so a program that gives one PE several operations in a row, as `Emitter.linear`
    /// does for a K reduction, leaves the other PEs waiting; the tiler does not model that.)
    @Test func twoPEsRunTilesAtTheTilersRate() throws {
        for c in Self.configs {
            let tiler = Tiler(hardware: HardwareInstance(config: c, table: paperTable), dynaProp: .off)
            let (b, x) = (c.batchTile, c.spatialTile)
            let tile = tiler.tile(
                operation(.matmul(batch: b, m: x, k: x, n: x, left: .activation, right: .weight, bandedK: nil, sharedRight: false)))
            let groups = (x + c.macLanesPerPE - 1) / c.macLanesPerPE
            let code = (0..<16).flatMap { t in
                (0..<groups).flatMap { g in
                    (0..<2).map { p in
                        Instruction.matmul(
                            .init(pe: p, source: 0, weights: 0, group: g, destination: 1 + 2 * t + p, start: true, finish: true))
                    }
                }
            }
            let dma = DMATiming(startLatency: 8)
            let model = ProgramTimingModel(config: c, format: .paper, processingElements: 2, dma: dma)
            let target = Program.Target(batchTile: b, tile: x, integerBits: 4, fractionBits: 16, lanes: c.macLanesPerPE)
            let program = Program(target: target, instructions: code + [.end])
            // Without the program fetch (the simulator has none).
            let cycles = try model.run(program).cycles - 1 - dma.cycles(words: program.instructions.count, store: false)
            let expected = 16 * tile.cost.cyclesPerTile
            #expect(abs(Double(cycles) / expected - 1) < 0.05, "X = \(x), \(c.macLanesPerPE) lanes: \(cycles) vs \(expected)")
        }
    }

    @Test func theCycleLevelModeRunsOneTilePerPEAtATime() {
        for c in Self.configs {
            let hardware = HardwareInstance(config: c, table: paperTable)
            let tiler = Tiler(hardware: hardware, dynaProp: .off)
            let (b, x, pes) = (c.batchTile, c.spatialTile, c.processingElements)
            for waves in [1, 3] {
                // `waves` tiles per PE, and one more tile: it waits for a PE to come free.
                for extra in [0, 1] {
                    let op = operation(
                        .matmul(
                            batch: b, m: x * (waves * pes + extra), k: x, n: x, left: .activation, right: .weight, bandedK: nil,
                            sharedRight: false))
                    let tiled = tiler.tile(op)
                    let cycles = CycleSimulator(hardware: hardware, tiled: [tiled]).run().cycles
                    #expect(Double(cycles) == Double(waves + extra) * tiled.cost.cyclesPerTile, "X = \(x): \(waves) waves + \(extra)")
                }
            }
            let softmax = tiler.tile(operation(.softmax(rows: b * x * pes, columns: x)))
            #expect(Double(CycleSimulator(hardware: hardware, tiled: [softmax]).run().cycles) == softmax.cost.cyclesPerTile)
        }
    }
}
