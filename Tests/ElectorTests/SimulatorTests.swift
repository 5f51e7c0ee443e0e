import CostModel
import DesignSpace
import Elector
import Foundation
import Testing

let paperTable = try! TableCatalog.load("acceltran-14nm")

func simulate(
    _ model: String, on accelerator: String, _ workload: Workload = .inference,
    dynaProp: DynaPropSetting = .paperDefault, fidelity: SimulationRequest.Fidelity = .cycle
) throws -> SimulationResult {
    Simulator.simulate(
        SimulationRequest(
            model: try Catalog.model(model), accelerator: try Catalog.accelerator(accelerator), table: paperTable,
            workload: workload, dynaProp: dynaProp, fidelity: fidelity))
}

func simulate(
    _ model: TransformerModel, on config: AcceleratorConfig, _ workload: Workload = .inference,
    fidelity: SimulationRequest.Fidelity = .cycle
) -> SimulationResult {
    Simulator.simulate(SimulationRequest(model: model, accelerator: config, table: paperTable, workload: workload, fidelity: fidelity))
}

func with(_ c: AcceleratorConfig, pes: Int? = nil, activationMB: Int? = nil, memory: MainMemory? = nil) -> AcceleratorConfig {
    try! AcceleratorConfig(
        batchTile: c.batchTile, spatialTile: c.spatialTile, activation: c.activation,
        processingElements: pes ?? c.processingElements, macLanesPerPE: c.macLanesPerPE, macsPerLane: c.macsPerLane,
        softmaxPerPE: c.softmaxPerPE, batchSize: c.batchSize, activationBufferMB: activationMB ?? c.activationBufferMB,
        weightBufferMB: c.weightBufferMB, maskBufferMB: c.maskBufferMB, mainMemory: memory ?? c.mainMemory)
}

@Suite struct SimulatorTests {
    @Test func acceltranEdgeAreaIsThePublished54_06mm2() throws {
        let request = SimulationRequest(
            model: BuiltIns.model(named: "bert-tiny")!, accelerator: BuiltIns.accelerator(named: "acceltran-edge")!,
            table: paperTable, acceltranComposition: true)
        let area = Simulator.simulate(request).totalAreaMM2
        #expect(abs(area - 54.06) / 54.06 < 0.005, "area \(area) mm^2")
    }

    @Test func resultsAreDeterministic() throws {
        let a = try simulate("bert-tiny", on: "acceltran-edge", .training)
        let b = try simulate("bert-tiny", on: "acceltran-edge", .training)
        #expect(a.cycles == b.cycles)
        #expect(a.dynamicEnergyJ == b.dynamicEnergyJ)
        #expect(a.stalls == b.stalls)
    }

    @Test func moreSparsityNeverCostsMoreCycles() throws {
        var previous = Int.max
        for tau in [0.0, 0.002, 0.005, 0.01, 0.02, 0.05] {
            let setting = tau == 0 ? DynaPropSetting.off : try DynaPropSetting(tauI: tau, tauT: 1e-4, profile: .paperDefault)
            let cycles = try simulate("bert-tiny", on: "acceltran-edge", .training, dynaProp: setting).cycles
            #expect(cycles <= previous, "tau_I \(tau): \(cycles) > \(previous)")
            previous = cycles
        }
        previous = Int.max
        for tauT in [1e-6, 1e-5, 1e-4, 1e-3] {
            let setting = try DynaPropSetting(tauI: 0.01, tauT: tauT, profile: .paperDefault)
            let cycles = try simulate("bert-tiny", on: "acceltran-edge", .training, dynaProp: setting).cycles
            #expect(cycles <= previous, "tau_T \(tauT): \(cycles) > \(previous)")
            previous = cycles
        }
    }

    @Test func aLargerBufferNeverStallsMore() throws {
        let base = BuiltIns.accelerator(named: "acceltran-edge")!
        let model = BuiltIns.model(named: "bert-tiny")!
        var previous = Int.max
        for mb in AcceleratorSpace.activationBufferMB {
            let r = simulate(model, on: with(base, activationMB: mb), .training)
            let stalled = r.stalls.idle
            #expect(stalled <= previous, "\(mb) MB: \(stalled) > \(previous)")
            previous = stalled
        }
    }

    @Test func trainingIsNeverFasterThanInference() throws {
        for (model, accelerator) in [("bert-tiny", "acceltran-edge"), ("fb-star", "elector-star"), ("bert-tiny", "elector-star")] {
            let inference = try simulate(model, on: accelerator, .inference)
            let training = try simulate(model, on: accelerator, .training)
            #expect(training.cycles > inference.cycles)
            #expect(training.totalDynamicEnergyJ > inference.totalDynamicEnergyJ)
        }
        for (i, model) in TransformerSpace.sample(4, seed: 31).enumerated() {
            let config = AcceleratorSpace.sample(4, seed: 32)[i]
            #expect(
                simulate(model, on: config, .training, fidelity: .fast).cycles
                    > simulate(model, on: config, .inference, fidelity: .fast).cycles)
        }
    }

    @Test func doublingThePEsIsNeverSlowerWhenComputeBound() throws {
        // Monolithic-3D RRAM with 32 channels makes FB* compute-bound.
        let base = with(BuiltIns.accelerator(named: "elector-star")!, pes: 64, memory: MainMemory.all[5])
        let model = BuiltIns.model(named: "fb-star")!
        var previous = Int.max
        for pes in AcceleratorSpace.processingElements.prefix(3) {
            let cycles = simulate(model, on: with(base, pes: pes)).cycles
            #expect(cycles <= previous, "\(pes) PEs: \(cycles) > \(previous)")
            previous = cycles
        }
    }

    @Test func fastModeStaysWithinTenPercentOnTheReferenceSet() throws {
        for pair in FastModeReference.pairs where pair.model != "bert-base" {
            let (model, accelerator, workload) = (pair.model, pair.accelerator, pair.workload)
            let cycle = try simulate(model, on: accelerator, workload)
            let fast = try simulate(model, on: accelerator, workload, fidelity: .fast)
            let latency = abs(Double(fast.cycles - cycle.cycles)) / Double(cycle.cycles)
            let energy =
                abs(fast.totalDynamicEnergyJ + fast.totalLeakageEnergyJ - cycle.totalDynamicEnergyJ - cycle.totalLeakageEnergyJ)
                / (cycle.totalDynamicEnergyJ + cycle.totalLeakageEnergyJ)
            #expect(latency < 0.10, "\(model) on \(accelerator) \(workload): latency off by \(latency)")
            #expect(energy < 0.10, "\(model) on \(accelerator) \(workload): energy off by \(energy)")
        }
    }

    @Test func randomPairsOfBothSpacesSimulate() {
        let models = TransformerSpace.sample(12, seed: 41)
        let configs = AcceleratorSpace.sample(12, seed: 42)
        for (model, config) in zip(models, configs) {
            for workload in Workload.allCases {
                let r = simulate(model, on: config, workload, fidelity: .fast)
                #expect(r.cycles > 0 && r.totalDynamicEnergyJ > 0 && r.totalAreaMM2 > 0)
            }
        }
        // Cycle-level on the shallow ones, to keep the debug-build test quick.
        for (model, config) in zip(models, configs) where model.layers.count <= 2 {
            #expect(simulate(model, on: config, .training).cycles > 0)
        }
    }
}

/// A sweep returns what one simulation at a time returns, in request order, and reports
/// progress in order.
@Suite struct SimulationSweepTests {
    @Test func aSweepEqualsItsSimulationsInOrder() throws {
        let table = try TableCatalog.load("acceltran-14nm")
        let requests = AcceleratorSpace.sample(6, seed: 7).map {
            SimulationRequest(model: BuiltIns.model(named: "bert-tiny")!, accelerator: $0, table: table, fidelity: .fast)
        }
        let counts = Counts()
        let results = SimulationSweep.run(requests) { counts.append($0) }
        #expect(results.map(\.cycles) == requests.map { Simulator.simulate($0).cycles })
        #expect(counts.values == [1, 2, 3, 4, 5, 6])
    }

    final class Counts: @unchecked Sendable {
        var values: [Int] = []
        func append(_ n: Int) { values.append(n) }
    }
}

/// Per-layer and per-operation figures are a division of the run, not a second estimate.
@Suite struct BreakdownTests {
    @Test(arguments: [Workload.inference, .training])
    func operationsAddUpToTheRunAndChangeNothing(workload: Workload) throws {
        let model = try Catalog.model("bert-tiny")
        let accelerator = try Catalog.accelerator("acceltran-edge")
        func run(_ breakdown: Breakdown?) -> SimulationResult {
            Simulator.simulate(
                SimulationRequest(
                    model: model, accelerator: accelerator, table: paperTable, workload: workload,
                    breakdown: breakdown))
        }
        let plain = run(nil)
        let byOperation = run(.operation)
        let byLayer = run(.layer)
        #expect(plain.operationBreakdown == nil && plain.layerBreakdown == nil)
        #expect(byOperation.cycles == plain.cycles && byLayer.cycles == plain.cycles)
        #expect(byOperation.totalDynamicEnergyJ == plain.totalDynamicEnergyJ)

        let operations = try #require(byOperation.operationBreakdown)
        #expect(operations.count == plain.operations)
        #expect(operations.map(\.finishCycle).max()! <= plain.cycles)
        #expect(operations.allSatisfy { $0.startCycle <= $0.finishCycle && (0...1.0000001).contains($0.utilisation) })
        // Every dynamic joule but the PE control's is some operation's.
        let own = operations.reduce(0) { $0 + $1.dynamicEnergyJ }
        let expected = plain.totalDynamicEnergyJ - plain.dynamicEnergyJ.control
        #expect(abs(own - expected) <= 1e-9 * expected)
        #expect(abs(operations.reduce(0) { $0 + $1.effectualMACs } - plain.effectualMACs) <= 1e-6 * plain.effectualMACs)

        let layers = try #require(byLayer.layerBreakdown)
        #expect(layers.map(\.layer) == [0, 1, 2])
        #expect(layers.reduce(0) { $0 + $1.operations } == plain.operations)
        #expect(abs(layers.reduce(0) { $0 + $1.dynamicEnergyJ } - own) <= 1e-9 * own)
    }
}
