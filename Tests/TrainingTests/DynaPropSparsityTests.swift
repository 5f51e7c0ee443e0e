import DesignSpace
import Testing
import Training

/// Static weight pruning and the monotonicity of threshold pruning.
@Suite struct DynaPropSparsityTests {
    private static let model: TransformerModel = {
        let layer = try! TransformerLayer(hiddenSize: 128, heads: [.saSDP, .saWMA], feedForward: [256])
        return try! TransformerModel(layers: [layer, layer])
    }()

    private static func network(_ context: ComputeContext) -> Network {
        Network(model: model, input: .features(width: 3), sequenceLength: 4, classes: 2, context: context, seed: 5, widthDivisor: 8)
    }

    /// Every encoder weight that enters a product is pruned to the target, exactly; the
    /// embedding and classifier are not pruned.
    @Test func weightsArePrunedToTheTargetAndCounted() throws {
        let settings = TrainingSettings(
            epochs: 1, samples: 64, batchSize: 16, seed: 2, dynaProp: try DynaPropThresholds(tauI: 0, tauT: 0), weightSparsity: 0.5)
        let result = try Trainer.train(model: Self.model, dataset: TrainerTests.Synthetic(), settings: settings, memoryLimit: 1 << 30)
        let profile = try #require(result.profile)
        #expect(profile.encoder.weightRho == 0.5)
        for entry in profile.layers where entry.layer == 0 || entry.layer == 3 { #expect(entry.weightRho == 0) }
        #expect(throws: TrainingError.invalidSetting(name: "weight sparsity", value: "1.0", allowed: "a number in [0, 1), e.g. 0.5")) {
            try TrainingSettings(weightSparsity: 1).validate()
        }
    }

    /// The mask follows the magnitudes over the first half of the steps, then stays fixed.
    @Test func theMaskIsRefreshedThenFrozen() {
        let network = Self.network(ComputeContext())
        let pruner = WeightPruner(network: network, target: 0.5, totalSteps: 4)
        let weight = network.layers[0].parameters.first { $0.name.hasSuffix("feed_forward.1.weight") }!
        let pruned = weight.value.firstIndex(of: 0)!
        weight.value[pruned] = 100
        pruner.afterStep()  // step 1 of 2 refreshing steps: the large weight is kept
        #expect(weight.value[pruned] == 100)
        #expect(weight.value.filter { $0 == 0 }.count == weight.value.count / 2)
        pruner.afterStep()
        let frozen = weight.value.map { $0 == 0 }
        let kept = frozen.firstIndex(of: false)!
        let zero = frozen.firstIndex(of: true)!
        weight.value[zero] = 100
        weight.value[kept] = 1e-9
        pruner.afterStep()  // step 3: frozen, so the mask decides, not the magnitudes
        #expect(weight.value[zero] == 0 && weight.value[kept] == 1e-9)
    }

    /// On the same weights and inputs, a larger threshold never leaves fewer zeros: rho is
    /// non-decreasing in tau_I (activations) and in tau_T (gradients).
    @Test func rhoIsNonDecreasingInTau() throws {
        var generator = SeededGenerator(seed: 9)
        let inputs = (0..<(8 * 4 * 3)).map { _ in Float(generator.nextGaussian()) }
        let logitGradient = (0..<(8 * 2)).map { _ in Float(generator.nextGaussian()) * 0.01 }
        func counts(tauI: Double, tauT: Double) throws -> SparsityCounts {
            let context = ComputeContext(thresholds: try DynaPropThresholds(tauI: tauI, tauT: tauT), profiling: true)
            let network = Self.network(context)
            _ = network.forward(inputs, batch: 8)
            network.backward(logitGradient)
            return context.profile.total.counts
        }
        let taus = [0, 0.001, 0.01, 0.1, 0.5]
        let activation = try taus.map { try counts(tauI: $0, tauT: 0).activationRho! }
        let gradient = try taus.map { try counts(tauI: 0, tauT: $0 / 100).gradientRho! }
        for (a, b) in zip(activation, activation.dropFirst()) { #expect(a <= b, "activation rho \(activation)") }
        for (a, b) in zip(gradient, gradient.dropFirst()) { #expect(a <= b, "gradient rho \(gradient)") }
        #expect(activation.last! > activation.first! && gradient.last! > gradient.first!)
    }
}
