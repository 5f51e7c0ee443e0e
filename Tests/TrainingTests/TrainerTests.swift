import DesignSpace
import Testing
import Training

/// Training runs on tiny synthetic data: determinism, learning, refusal, and DynaProp's counts.
@Suite struct TrainerTests {
    /// 4 tokens of 3 features; the class is whether the first token's features sum above 0.
    struct Synthetic: TrainingDataset {
        let name = "synthetic"
        let tokenization = "4 tokens of 3 features"
        let input = TokenInput.features(width: 3)
        let classes = 2
        let training: LabeledExamples
        let test: LabeledExamples

        init(count: Int = 160) {
            func make(_ n: Int, seed: UInt64) -> LabeledExamples {
                var generator = SeededGenerator(seed: seed)
                var inputs: [Float] = []
                var labels: [Int32] = []
                for _ in 0..<n {
                    let values = (0..<12).map { _ in Float(generator.nextGaussian()) }
                    inputs += values
                    labels.append(values[0] + values[1] + values[2] > 0 ? 1 : 0)
                }
                return LabeledExamples(inputs: inputs, labels: labels, sequenceLength: 4, tokenWidth: 3)
            }
            training = make(count, seed: 1)
            test = make(20, seed: 2)
        }
    }

    /// The smallest shape the space allows with BERT's heads: 2 layers of width 128, two
    /// SA-SDP heads, a feed-forward of 256 (debug builds are slow; keep runs tiny).
    private static let tiny: TransformerModel = {
        let layer = try! TransformerLayer(hiddenSize: 128, heads: [.saSDP, .saSDP], feedForward: [256])
        return try! TransformerModel(layers: [layer, layer])
    }()

    @Test func sameSeedGivesBitIdenticalLosses() throws {
        let settings = TrainingSettings(epochs: 1, samples: 48, batchSize: 16, seed: 5)
        let first = try Trainer.train(model: Self.tiny, dataset: Synthetic(), settings: settings, memoryLimit: 1 << 30)
        let second = try Trainer.train(model: Self.tiny, dataset: Synthetic(), settings: settings, memoryLimit: 1 << 30)
        #expect(first.batchLosses.count == 3)
        #expect(first.batchLosses.map(\.bitPattern) == second.batchLosses.map(\.bitPattern))
        #expect(first.testAccuracy == second.testAccuracy)
        var other = settings
        other.seed = 6
        let third = try Trainer.train(model: Self.tiny, dataset: Synthetic(), settings: other, memoryLimit: 1 << 30)
        #expect(third.batchLosses != first.batchLosses)
    }

    @Test(arguments: [OptimizerKind.adam, .sgd]) func lossDecreases(_ optimizer: OptimizerKind) throws {
        let settings = TrainingSettings(
            epochs: 3, batchSize: 16, optimizer: optimizer, learningRate: optimizer == .adam ? 1e-3 : 0.02, seed: 1)
        let result = try Trainer.train(model: Self.tiny, dataset: Synthetic(), settings: settings, memoryLimit: 1 << 30)
        #expect(result.trainingExamples == 144 && result.validationExamples == 16 && result.testExamples == 20)
        #expect(result.epochs.count == 3)
        #expect(result.epochs[2].meanLoss < result.epochs[0].meanLoss)
    }

    @Test func tooLargeIsRefusedBeforeAllocating() throws {
        let estimate = MemoryEstimate(model: Self.tiny, input: .features(width: 3), sequenceLength: 4, classes: 2, batchSize: 16)
        #expect(throws: TrainingError.self) {
            try Trainer.train(model: Self.tiny, dataset: Synthetic(), settings: TrainingSettings(batchSize: 16), memoryLimit: 1 << 20)
        }
        #expect(
            String(
                describing: TrainingError.modelTooLarge(
                    neededBytes: estimate.bytes, limitBytes: 1 << 20, parameters: estimate.parameters, batch: 16))
                == "the model needs about \(estimate.bytes >> 20) MiB to train (\(estimate.parameters) parameters, batch 16), more than the 1 MiB limit: lower the batch size or choose a smaller model"
        )
    }

    @Test func estimateCountsTheParametersTheNetworkHas() throws {
        let layers = try [
            TransformerLayer(hiddenSize: 256, heads: [.saSDP, .saWMA, .ltDFT, .dsc9], feedForward: [512, 256], layer: 1),
            TransformerLayer(hiddenSize: 128, heads: [.ltDCT, .dsc13], feedForward: [1024], layer: 2),
        ]
        let model = try TransformerModel(layers: layers)
        let network = Network(
            model: model, input: .features(width: 49), sequenceLength: 16, classes: 10, context: ComputeContext(), seed: 0)
        let estimate = MemoryEstimate(model: model, input: .features(width: 49), sequenceLength: 16, classes: 10, batchSize: 8)
        #expect(estimate.parameters == network.parameters.reduce(0) { $0 + $1.value.count })
    }

    @Test func thresholdsOutOfRange() {
        #expect(
            throws: TrainingError.invalidSetting(
                name: "tau_T", value: "1.5", allowed: "a number in [0, 1], e.g. 0.01 (tau_I) or 0.0001 (tau_T)")
        ) {
            try DynaPropThresholds(tauI: 0.01, tauT: 1.5)
        }
    }

    @Test func dynaPropPrunesAndCountsEffectualMACs() throws {
        // x = [[0.5, 0.001], [0, 2]], tau_I 0.01: one value pruned, one already zero, so rho
        // is 2/4; each column of x keeps one non-zero and each row of W has two, so 4 of the
        // 8 MACs are effectual.
        let context = ComputeContext(thresholds: try DynaPropThresholds(tauI: 0.01, tauT: 0.5), profiling: true)
        var initializer = WeightInitializer(seed: 0)
        let site = ProductSite(layer: 1, operation: "test")
        let linear = Linear(2, 2, name: "l", site: site, context: context, initializer: &initializer)
        linear.weight.value = [1, 2, 3, 4]
        let y = linear.forward([0.5, 0.001, 0, 2], batch: 1)
        #expect(y == [0.5, 1, 6, 8])
        // Gradient [[1, 0.1], [0.2, 3]] with tau_T 0.5 keeps 1 and 3.
        let dx = linear.backward([1, 0.1, 0.2, 3])
        // Gradients reaching pruned or zero inputs (row 0 column 1, row 1 column 0) are cleared.
        #expect(dx == [1, 0, 0, 12])
        let counts = context.profile.operations.first { $0.operation == "test" }!.counts
        #expect(counts.activationValues == 4 && counts.activationZeros == 2)
        #expect(counts.gradientValues == 4 && counts.gradientZeros == 2)
        #expect(counts.forwardMACs == 8 && counts.forwardEffectualMACs == 4)
        // dW = x^T g: inner index = row; row 0: x has 1 non-zero, g 1; row 1: 1 and 1 -> 2 of 8.
        // dx = g W^T: inner index = output column; g columns have 1 and 1 non-zeros, W^T rows 2 and 2 -> 4 of 8.
        #expect(counts.backwardMACs == 16 && counts.backwardEffectualMACs == 6)
    }

    @Test func dynaPropRunWritesAProfilePerLayerAndOperation() throws {
        let settings = TrainingSettings(
            epochs: 1, samples: 32, batchSize: 16, seed: 2, dynaProp: try DynaPropThresholds(tauI: 0.01, tauT: 0.0001))
        let result = try Trainer.train(model: Self.tiny, dataset: Synthetic(), settings: settings, memoryLimit: 1 << 30)
        let profile = try #require(result.profile)
        #expect(Set(profile.layers.map(\.layer)) == [0, 1, 2, 3])
        #expect(profile.operations.contains { $0.layer == 1 && $0.operation == "sa_sdp.attention" })
        let total = profile.total
        #expect((total.activationRho ?? 0) > 0 && (total.activationRho ?? 1) < 1)
        #expect((total.forwardEffectualFraction ?? 1) < 1)
    }
}
