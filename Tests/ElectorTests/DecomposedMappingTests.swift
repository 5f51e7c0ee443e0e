import DesignSpace
import Foundation
import TensorTrain
import Testing

@testable import Elector

/// Tensor-train matrices in the mapper and both simulator modes (HEAT): the MACs simulated
/// are the contraction path's, forward and backward, and the path is the accelerator's.
@Suite struct DecomposedMappingTests {
    static let decomposedBertTiny = #"""
        {"l": 2, "o": [["sa_sdp_64","sa_sdp_64"],["sa_sdp_64","sa_sdp_64"]], "h": [128,128], "f": [[512],[512]],
         "tt": [{"ff0": {"in": [8, 16], "out": [16, 32], "ranks": [16]}}, {"out": {"in": [4, 4, 8], "out": [8, 4, 4], "ranks": [8, 8]}}]}
        """#

    func request(_ model: TransformerModel, _ workload: Workload, _ fidelity: SimulationRequest.Fidelity) throws -> SimulationRequest {
        SimulationRequest(
            model: model, accelerator: try Catalog.accelerator("acceltran-edge"), table: paperTable, workload: workload,
            fidelity: fidelity)
    }

    @Test func simulatedMACsAreTheContractionPathsMACs() throws {
        let model = try ModelDict.parse(Data(Self.decomposedBertTiny.utf8), source: "tt.json")
        let config = try Catalog.accelerator("acceltran-edge")
        let (batch, tokens) = (config.batchSize, 128)
        let hardware = HardwareInstance(config: config, table: paperTable)
        let plans = ContractionPlans.hardwareAware(
            model, tiler: Tiler(hardware: hardware, dynaProp: .paperDefault), batchSize: batch, sequenceLength: tokens)
        // The plan's products are one of the sequential paths, step for step.
        var pathMACs = 0
        var recomputed = 0
        var coreValues = 0
        for (j, matrix) in [(0, DecomposedMatrix.feedForward(0)), (1, .attentionOutput)] {
            let products = try #require(plans.products(layer: j, matrix))
            let shape = ContractionShape(tensorTrain: try #require(model.decomposition.shape(layer: j, matrix)), rows: tokens)
            let path = try #require(ContractionPathSearch.sequentialPaths(shape).first { $0.description == products.path })
            #expect(path.steps.map { [$0.m, $0.k, $0.n] } == products.products.map { [$0.m, $0.k, $0.n] })
            pathMACs += path.macs
            coreValues += products.parameterCount
            recomputed += path.steps.dropLast().reduce(0) { $0 + $1.macs }
        }
        let dense = model.dense
        for fidelity in [SimulationRequest.Fidelity.cycle, .fast] {
            let d = Simulator.simulate(try request(dense, .inference, fidelity))
            let f = Simulator.simulate(try request(model, .inference, fidelity))
            // Inference: the two dense matmuls (128 x 512 and 128 x 128 weights) become the paths.
            let denseWeights = batch * tokens * (128 * 512 + 128 * 128)
            #expect(Int(f.denseMACs) == Int(d.denseMACs) - denseWeights + batch * pathMACs, "\(fidelity)")
            // Training adds, per path, the input gradient (the path backwards), the forward
            // steps recomputed for the cores' gradients, and the cores' gradients (one product
            // each, as large as its forward step); the dense matrices' two gradients go. The
            // optimizer (SGD: one MAC per weight) updates the cores instead of the weights.
            let dt = Simulator.simulate(try request(dense, .training, fidelity))
            let ft = Simulator.simulate(try request(model, .training, fidelity))
            let expected =
                Int(dt.denseMACs) - 3 * denseWeights + 3 * batch * pathMACs + batch * recomputed - (128 * 512 + 128 * 128) + coreValues
            #expect(Int(ft.denseMACs) == expected, "\(fidelity)")
            #expect(f.cycles != d.cycles)
        }
    }

    @Test func theAcceleratorsPathNeverCostsMoreLaneCyclesThanTheFewestMACs() throws {
        // The forward pass's MAC-lane cycles are what the path search minimises, so over every
        // 2- and 3-core shape of BERT-Tiny's first feed-forward matrix the hardware-aware path
        // is never slower on the lanes than the fewest-MAC one, and on some shapes faster: a
        // tile holds its PE for the PE operations' cycles however few of its rows and columns
        // a small rank or factor fills.
        let config = try Catalog.accelerator("acceltran-edge")
        let hardware = HardwareInstance(config: config, table: paperTable)
        let tiler = Tiler(hardware: hardware, dynaProp: .paperDefault)
        let layers = try Catalog.model("bert-tiny").layers
        var faster = 0
        for cores in [2, 3] {
            for (input, output) in DecompositionSpace.shapes(rows: 128, columns: 512, cores: cores) {
                for rank in [2, 8, 32] {
                    let shape = try DecompositionSpace.shape(input: input, output: output, rank: rank, rows: 128, columns: 512, field: "t")
                    let model = try TransformerModel(layers: layers, decomposition: [[.feedForward(0): shape], [:]])
                    let busy = { (plans: ContractionPlans) in
                        FastEstimator(
                            hardware: hardware, tiler: tiler, model: model, batchSize: config.batchSize, sequenceLength: 128,
                            workload: .inference, optimizer: .sgd, plans: plans
                        ).run().activity.busyCycles[.macLane]
                    }
                    let aware = busy(ContractionPlans.hardwareAware(model, tiler: tiler, batchSize: config.batchSize, sequenceLength: 128))
                    let fewest = busy(ContractionPlans.fewestMACs(model, sequenceLength: 128))
                    #expect(aware <= fewest + 1e-6 * fewest, "\(input) \(output) rank \(rank)")
                    if aware < fewest * (1 - 1e-9) { faster += 1 }
                }
            }
        }
        #expect(faster > 0)
    }
}
