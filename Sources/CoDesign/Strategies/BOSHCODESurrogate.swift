import DesignSpace
import Foundation

/// BOSHCODE's surrogate (paper Section III-C, after BOSHNAS/EdgeTran): a network predicting
/// the performance mean and its aleatoric variance (trained on the Gaussian negative log
/// likelihood, standing in for the natural-parameter network), a teacher network with dropout
/// whose Monte-Carlo spread measures epistemic uncertainty, and a student network that learns
/// that spread so it can be differentiated cheaply during GOBI.
struct BOSHCODESurrogate: Sendable {
    var npn: NeuralNetwork
    var teacher: NeuralNetwork
    var student: NeuralNetwork
    /// Targets are standardised for training; predictions are scaled back.
    let targetMean: Double
    let targetScale: Double

    static let hidden = 64

    init(inputs: [[Double]], targets raw: [Double], seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let mu = raw.reduce(0, +) / Double(max(raw.count, 1))
        let sd = max((raw.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / Double(max(raw.count, 1))).squareRoot(), 1e-6)
        targetMean = mu
        targetScale = sd
        let targets = raw.map { ($0 - mu) / sd }
        let d = inputs.first?.count ?? PointEncoding.dimension
        npn = NeuralNetwork(sizes: [d, Self.hidden, Self.hidden, 2], rng: &rng)
        teacher = NeuralNetwork(sizes: [d, Self.hidden, Self.hidden, 1], dropout: 0.2, rng: &rng)
        student = NeuralNetwork(sizes: [d, Self.hidden, 1], rng: &rng)
        let epochs = min(150, max(30, 12_000 / max(inputs.count, 1)))

        npn.train(inputs: inputs, epochs: epochs, rng: &rng) { i, out in
            let s = min(max(out[1], -12), 4)
            let variance = exp(s)
            let r = targets[i] - out[0]
            return [-r / variance, out[1] == s ? 0.5 * (1 - r * r / variance) : 0]
        }
        teacher.train(inputs: inputs, epochs: epochs, rng: &rng) { i, out in [out[0] - targets[i]] }

        // Student targets: log MC-dropout variance of the teacher at the data and at random points.
        var studentInputs = inputs
        for _ in 0..<(2 * inputs.count) { studentInputs.append((0..<d).map { _ in rng.nextUnit() }) }
        let teacherNet = teacher
        var mc = SeededGenerator(seed: seed ^ 0x5EED)
        let logVariance = studentInputs.map { x -> Double in
            let samples = (0..<16).map { _ in teacherNet.forward(x, masks: teacherNet.sampleMasks(&mc)).last![0] }
            let mean = samples.reduce(0, +) / 16
            return log(samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 15 + 1e-8)
        }
        student.train(inputs: studentInputs, epochs: epochs, rng: &rng) { i, out in [out[0] - logVariance[i]] }
    }

    /// Mean, aleatoric and epistemic standard deviations.
    func predict(_ x: [Double]) -> (mean: Double, aleatoric: Double, epistemic: Double) {
        let o = npn.predict(x)
        let e = student.predict(x)[0]
        return (
            targetMean + targetScale * o[0], targetScale * exp(min(max(o[1], -12), 4) / 2),
            targetScale * exp(min(max(e, -20), 4) / 2)
        )
    }

    /// Upper confidence bound mean + k1 sigma_a + k2 sigma_e in standardised units, and its
    /// gradient with respect to x.
    func ucb(_ x: [Double], k1: Double, k2: Double) -> (value: Double, gradient: [Double]) {
        let a = npn.forward(x)
        let out = a.last!
        let s = min(max(out[1], -12), 4)
        let sigmaA = exp(s / 2)
        let gNPN = npn.backward(a, outputGradient: [1, out[1] == s ? k1 * 0.5 * sigmaA : 0]).input
        let b = student.forward(x)
        let e = min(max(b.last![0], -20), 4)
        let sigmaE = exp(e / 2)
        let gStudent = student.backward(b, outputGradient: [b.last![0] == e ? k2 * 0.5 * sigmaE : 0]).input
        return (out[0] + k1 * sigmaA + k2 * sigmaE, zip(gNPN, gStudent).map(+))
    }
}
