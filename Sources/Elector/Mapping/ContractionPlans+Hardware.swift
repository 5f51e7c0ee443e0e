import DesignSpace
import TensorTrain

extension ContractionPlans {
    /// Each tensor-train matrix contracted along the path that costs least on this
    /// accelerator (HEAT's hardware-aware contraction): a product's cost is the unit-cycles
    /// its tiles occupy the MAC lanes, as the tiler cuts them and the simulator charges them
    /// (tile padding of small ranks and factors included). FLOPs alone miss that a rank-4
    /// product fills a fraction of every tile.
    static func hardwareAware(_ model: TransformerModel, tiler: Tiler, batchSize: Int, sequenceLength: Int) -> ContractionPlans {
        ContractionPlans(model: model, sequenceLength: sequenceLength) { step in
            let cost = tiler.cost(
                .matmul(
                    batch: batchSize, m: step.m, k: step.k, n: step.n, left: .activation, right: .weight, bandedK: nil, sharedRight: true),
                phase: .forward, load: 0, store: 0, output: batchSize * step.m * step.n, outputKind: .activation)
            return cost.workCycles
        }
    }
}
