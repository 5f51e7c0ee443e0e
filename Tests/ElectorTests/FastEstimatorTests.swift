import CostModel
import DesignSpace
import Testing

@testable import Elector

/// The closed-form fast mode against the same model evaluated over the mapper's operations.
@Suite struct FastEstimatorTests {
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1) }

    func check(
        _ model: TransformerModel, on config: AcceleratorConfig, _ workload: Workload, optimizer: Optimizer = .sgd,
        table: HardwareTable = paperTable, sequenceLength: Int = 128
    ) -> OperationLevelModel.Figures {
        let hardware = HardwareInstance(config: config, table: table)
        let tiler = Tiler(hardware: hardware, dynaProp: .paperDefault)
        let plans = ContractionPlans.hardwareAware(model, tiler: tiler, batchSize: config.batchSize, sequenceLength: sequenceLength)
        let operations = Mapper(
            model: model, batchSize: config.batchSize, sequenceLength: sequenceLength, workload: workload, optimizer: optimizer,
            plans: plans
        ).operations()
        let oracle = OperationLevelModel(hardware: hardware, operations: operations, tiler: tiler).run()
        let fast = FastEstimator(
            hardware: hardware, tiler: tiler, model: model, batchSize: config.batchSize, sequenceLength: sequenceLength,
            workload: workload, optimizer: optimizer, plans: plans
        ).run()
        let what = "\(model.layers.map { "\($0.hiddenSize):\($0.heads.map(\.rawValue)):\($0.feedForward)" }) \(workload)"
        #expect(fast.operations == operations.count, "\(what): operations")
        #expect(fast.tiles == oracle.tiles, "\(what): tiles")
        // Each level's compute time is a ceiling; summing the same work in another order can
        // move a level across an integer by one cycle.
        #expect(
            Double(abs(fast.cycles - oracle.cycles)) <= max(1, 1e-6 * Double(oracle.cycles)),
            "\(what): cycles \(fast.cycles) vs \(oracle.cycles)")
        #expect(abs(fast.stalls.memory - oracle.memoryStall) <= 1, "\(what): memory stall")
        #expect(abs(fast.stalls.bufferFull - oracle.bufferStall) <= 1, "\(what): buffer-full stall")
        #expect(close(fast.spilled, oracle.spilled), "\(what): spilled \(fast.spilled) vs \(oracle.spilled)")
        #expect(close(fast.effectualMACs, oracle.effectualMACs), "\(what): effectual MACs")
        #expect(close(fast.denseMACs, oracle.denseMACs), "\(what): dense MACs")
        #expect(close(fast.largestLayerValues, oracle.largestLayerValues), "\(what): largest layer")
        #expect(close(fast.activationValues, oracle.activationValues), "\(what): activations")
        let (a, b) = (fast.activity, oracle.activity)
        for unit in MappedOperation.Unit.allCases {
            #expect(close(a.busyCycles[unit], b.busyCycles[unit]), "\(what): busy \(unit)")
        }
        #expect(close(a.rows, b.rows) && close(a.bufferBytes, b.bufferBytes), "\(what): rows, buffer bytes")
        #expect(close(a.mainMemoryBytes, b.mainMemoryBytes) && close(a.weightLoadBytes, b.weightLoadBytes), "\(what): traffic")
        #expect(
            close(a.memory.nanoseconds, b.memory.nanoseconds) && close(a.memory.bursts, b.memory.bursts)
                && close(a.memory.activations, b.memory.activations), "\(what): memory transfers")
        return oracle
    }

    @Test func builtInPairsAgreeWithTheOperationLevelModel() throws {
        for pair in FastModeReference.pairs {
            _ = check(try Catalog.model(pair.model), on: try Catalog.accelerator(pair.accelerator), pair.workload)
        }
    }

    @Test func randomPairsAgreeWithTheOperationLevelModel() {
        let models = TransformerSpace.sample(24, seed: 51)
        let configs = AcceleratorSpace.sample(24, seed: 52)
        for (i, (model, config)) in zip(models, configs).enumerated() {
            for workload in Workload.allCases {
                _ = check(model, on: config, workload, optimizer: i % 2 == 0 ? .sgd : .adam, sequenceLength: i % 3 == 0 ? 64 : 128)
            }
        }
    }

    @Test func decomposedModelsAgreeWithTheOperationLevelModel() throws {
        let configs = AcceleratorSpace.sample(6, seed: 54)
        for (i, model) in TransformerSpace.sample(6, seed: 55).enumerated() {
            let decomposed = try DecomposedModels.random(model, seed: UInt64(i))
            #expect(!decomposed.decomposition.isDense)
            for workload in Workload.allCases { _ = check(decomposed, on: configs[i], workload) }
        }
    }

    @Test func spillingPairsAgreeWithTheOperationLevelModel() throws {
        // The smallest activation buffer under BERT-Base training and a wide random model
        // keeps the buffer overflowing through both passes.
        let small = try AcceleratorConfig(
            batchTile: 1, spatialTile: 16, activation: .gelu, processingElements: 64, macLanesPerPE: 16, macsPerLane: 16,
            softmaxPerPE: 4, batchSize: 32, activationBufferMB: 4, weightBufferMB: 8, maskBufferMB: 1,
            mainMemory: MainMemory.all[6])
        let base = check(try Catalog.model("bert-base"), on: small, .training)
        #expect(base.spilled > 0 && base.bufferStall > 0)
        #expect(check(try Catalog.model("fb-star"), on: small, .training).spilled > 0)
        var spilled = 0.0
        for model in TransformerSpace.sample(6, seed: 53) {
            spilled += check(model, on: small, .training).spilled
            spilled += check(model, on: small, .inference).spilled
        }
        #expect(spilled > 0)
    }
}
