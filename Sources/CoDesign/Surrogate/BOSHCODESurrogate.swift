import DesignSpace
import Dispatch
import Foundation

/// BOSHCODE's surrogate (paper Section II-C, after BOSHNAS/EdgeTran): a two-tower
/// natural-parameter network predicting the performance's mean and aleatoric variance, a
/// two-tower teacher with dropout whose Monte-Carlo spread measures epistemic uncertainty,
/// and a student that learns that spread so GOBI can differentiate it cheaply.
///
/// `fit` trains all three with early stopping on a validation split, starting from the
/// current weights: a surrogate kept from the previous iteration is warm-started.
struct BOSHCODESurrogate: Sendable, Codable {
    var npn: TwoTowerNPN
    var teacher: TwoTowerNetwork
    var student: TwoTowerNetwork
    let config: BOSHCODEConfig
    /// Targets are standardised for training; predictions are scaled back.
    var targetMean = 0.0
    var targetScale = 1.0

    /// A variance floor in the likelihood, in standardised units: keeps the first steps of a
    /// fresh NPN (whose variances start near zero) from dividing by almost nothing.
    static let varianceFloor = 1e-3
    /// Random points the student learns the teacher's spread at, besides the data (at most).
    static let randomStudentPoints = 256

    /// Untrained networks for inputs of `dimension` entries, the first `split` of them the
    /// transformer's.
    init(dimension: Int, split: Int, config: BOSHCODEConfig, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        self.config = config
        npn = TwoTowerNPN(inputs: dimension, split: split, hidden: config.hidden, rng: &rng)
        teacher = TwoTowerNetwork(
            inputs: dimension, split: split, hidden: config.hidden, joinedLayers: 2, dropout: config.dropout, rng: &rng)
        student = TwoTowerNetwork(inputs: dimension, split: split, hidden: config.hidden, joinedLayers: 1, rng: &rng)
    }

    /// A fresh surrogate fitted to the data.
    init(inputs: [[Double]], targets: [Double], split: Int? = nil, config: BOSHCODEConfig = .standard, seed: UInt64) {
        let d = inputs.first?.count ?? PointEncoding.dense.dimension
        self.init(dimension: d, split: split ?? d / 2, config: config, seed: seed)
        fit(inputs: inputs, targets: targets, seed: seed ^ 0xF17)
    }

    /// Epochs each network ran in the last fit (NPN, teacher, student).
    struct FitReport: Sendable {
        var epochs: [Int]
    }

    /// Whether the networks have been fitted before (a later fit is warm-started).
    var fitted = false

    @discardableResult
    mutating func fit(inputs: [[Double]], targets raw: [Double], seed: UInt64) -> FitReport {
        let warm = fitted
        fitted = true
        var rng = SeededGenerator(seed: seed)
        let n = raw.count
        guard n > 0 else { return FitReport(epochs: [0, 0, 0]) }
        let mu = raw.reduce(0, +) / Double(n)
        let sd = (raw.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / Double(n)).squareRoot()
        targetMean = mu
        targetScale = max(sd, 1e-6)
        let y = raw.map { ($0 - mu) / targetScale }
        var order = Array(0..<n)
        order.shuffle(using: &rng)
        // Below 10 points there is nothing to spare for validation: train for a fixed schedule.
        let held = n >= 10 ? Int((Double(n) * config.validationShare).rounded()) : 0
        let validation = Array(order[..<held])
        let training = Array(order[held...])
        let maxEpochs = warm ? config.warmMaxEpochs : config.maxEpochs
        let trainer = EarlyStoppingTrainer(
            maxEpochs: held > 0 ? maxEpochs : min(maxEpochs, 50),
            patience: held > 0 ? (warm ? config.warmPatience : config.patience) : Int.max)

        // The NPN is independent of the teacher and the student: train it on a second core.
        nonisolated(unsafe) var trainedNPN = npn
        nonisolated(unsafe) var npnEpochs = 0
        let npnSeed = rng.next()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            var generator = SeededGenerator(seed: npnSeed)
            npnEpochs =
                trainer.train(&trainedNPN, training: training, validation: validation, rng: &generator) { i, net, _, _ in
                    let t = net.forward(inputs[i])
                    let v = t.variance + Self.varianceFloor
                    let r = t.mean - y[i]
                    let loss = 0.5 * (r * r / v + log(v))
                    return (loss, net.backward(t, dMean: r / v, dVariance: 0.5 * (1 / v - r * r / (v * v))).parameters)
                }.epochs
        }
        let teacherRun = trainer.train(&teacher, training: training, validation: validation, rng: &rng) {
            i, net, rng, training in
            let t = net.forward(inputs[i], masks: training ? net.sampleMasks(&rng) : nil)
            let r = t.output - y[i]
            return (r * r, net.backward(t, dOutput: 2 * r).parameters)
        }

        // The student learns the teacher's Monte-Carlo spread at the data and at as many random
        // points of the space, so that it also knows the spread away from the data.
        var studentInputs = inputs
        let d = inputs[0].count
        for _ in 0..<min(n, Self.randomStudentPoints) { studentInputs.append((0..<d).map { _ in rng.nextUnit() }) }
        let spread = studentInputs.map { teacherSpread($0, rng: &rng) }
        var studentOrder = Array(0..<studentInputs.count)
        studentOrder.shuffle(using: &rng)
        let studentHeld = held > 0 ? Int((Double(studentOrder.count) * config.validationShare).rounded()) : 0
        let studentRun = trainer.train(
            &student, training: Array(studentOrder[studentHeld...]), validation: Array(studentOrder[..<studentHeld]), rng: &rng
        ) { i, net, _, _ in
            let t = net.forward(studentInputs[i])
            let r = NPNMath.softplus(t.output) - spread[i]
            return (r * r, net.backward(t, dOutput: 2 * r * NPNMath.sigmoid(t.output)).parameters)
        }
        group.wait()
        npn = trainedNPN
        return FitReport(epochs: [npnEpochs, teacherRun.epochs, studentRun.epochs])
    }

    /// Standard deviation of the teacher's output over `teacherSamples` dropout masks, in
    /// standardised units.
    func teacherSpread(_ x: [Double], rng: inout SeededGenerator) -> Double {
        let k = max(config.teacherSamples, 2)
        let samples = (0..<k).map { _ in teacher.forward(x, masks: teacher.sampleMasks(&rng)).output }
        let mean = samples.reduce(0, +) / Double(k)
        return (samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(k - 1)).squareRoot()
    }

    /// Mean, aleatoric and epistemic standard deviations, in the targets' units.
    func predict(_ x: [Double]) -> (mean: Double, aleatoric: Double, epistemic: Double) {
        let t = npn.forward(x)
        let e = NPNMath.softplus(student.forward(x).output)
        return (targetMean + targetScale * t.mean, targetScale * max(t.variance, 0).squareRoot(), targetScale * e)
    }

    /// The acquisition `meanWeight * mean + epistemicWeight * sigma_e + aleatoricWeight *
    /// sigma_a` in standardised units, and its gradient with respect to the input.
    func acquisition(_ x: [Double], weights w: AcquisitionWeights) -> (value: Double, gradient: [Double]) {
        let t = npn.forward(x)
        let sigmaA = max(t.variance, 1e-12).squareRoot()
        let gNPN = npn.backward(t, dMean: w.mean, dVariance: w.aleatoric * 0.5 / sigmaA).input
        let s = student.forward(x)
        let sigmaE = NPNMath.softplus(s.output)
        let gStudent = student.backward(s, dOutput: w.epistemic * NPNMath.sigmoid(s.output)).input
        return (w.mean * t.mean + w.epistemic * sigmaE + w.aleatoric * sigmaA, zip(gNPN, gStudent).map(+))
    }
}
