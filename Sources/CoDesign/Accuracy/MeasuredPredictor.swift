import DesignSpace
import Foundation
import Reports

/// The accuracy predictor fitted on the project's own measurements: a Gaussian process over
/// architecture features, fitted on the test accuracies of data/accuracy-fashion-mnist.jsonl
/// (records written by `transcode accuracy measure`, all at one declared setting).
///
/// Features: layers / 12; mean, first-layer and last-layer hidden size / 768; mean heads / 12;
/// mean feed-forward width summed over the stack / 12288; mean stack depth / 3; the fraction
/// of heads of each of the 7 operations; log10(parameters) / 8; and for self-attention,
/// linear-transform and convolution heads, their per-layer fraction weighted 2^-i by layer
/// position i. The length scale and noise are chosen by the log marginal likelihood over a
/// grid.
///
/// Domain rule: a prediction is outside the measured domain when the posterior variance of
/// the fitted function there, as a fraction of its prior variance, exceeds `domainLimit`: the
/// largest such fraction any measured model has when it is left out and predicted from the
/// others. So a model less covered by the measurements than every measured model was by the
/// rest is flagged; the limit follows the data rather than a fixed number.
package struct MeasuredPredictor: Sendable {
    let process: GaussianProcess
    package let measurements: Int
    /// The setting the data were measured at, e.g. `reduced v1`.
    package let setting: String
    package let dataset: String
    package let models: [TransformerModel]
    package let accuracies: [Double]
    /// Posterior variance over prior variance above which a prediction is flagged.
    package let domainLimit: Double
    /// How many architecture features the process sees.
    package var featureCount: Int { models.first.map { Self.features($0).count } ?? 0 }

    package static func features(_ m: TransformerModel) -> [Double] {
        let l = Double(m.layers.count)
        let heads = m.layers.flatMap(\.heads)
        let n = Double(heads.count)
        let hidden: [Double] = m.layers.map { Double($0.hiddenSize) }
        let headCounts: [Double] = m.layers.map { Double($0.heads.count) }
        let feedForward: [Double] = m.layers.map { Double($0.feedForward.reduce(0, +)) }
        let stacks: [Double] = m.layers.map { Double($0.feedForward.count) }
        var x: [Double] = [l / 12, hidden.reduce(0, +) / l / 768, hidden[0] / 768, hidden[hidden.count - 1] / 768]
        x.append(headCounts.reduce(0, +) / l / 12)
        x.append(feedForward.reduce(0, +) / l / 12288)
        x.append(stacks.reduce(0, +) / l / 3)
        for op in TransformerSpace.headOperationOrder { x.append(Double(heads.filter { $0 == op }.count) / n) }
        x.append(log10(Double(m.parameterCount)) / 8)
        // Token mixing early in the stack: the fraction of each head family per layer,
        // weighted 2^-i by the layer's position i. On the measured set a first layer of
        // self-attention heads learns least in the short reduced budget (on the first 88
        // measured models its attention fraction alone ranked them at Spearman -0.64), which
        // whole-model fractions dilute.
        let weights = m.layers.indices.map { pow(0.5, Double($0)) }
        let total = weights.reduce(0, +)
        let families: [(HeadOperation) -> Bool] = [\.isSelfAttention, \.isLinearTransform, { $0.kernelSize != nil }]
        for family in families {
            var weighted = 0.0
            for (layer, w) in zip(m.layers, weights) {
                weighted += w * Double(layer.heads.filter(family).count) / Double(layer.heads.count)
            }
            x.append(weighted / total)
        }
        return x
    }

    /// Fits on (model, accuracy) pairs measured at `setting` on `dataset`.
    package init(data: [(TransformerModel, Double)], setting: String, dataset: String) {
        models = data.map(\.0)
        accuracies = data.map(\.1)
        let x = models.map(Self.features)
        process = Self.fit(x, accuracies)
        domainLimit = Self.domainLimit(x, accuracies, process)
        measurements = data.count
        self.setting = setting
        self.dataset = dataset
    }

    /// The process whose hyperparameters maximise the log marginal likelihood.
    static func fit(_ x: [[Double]], _ y: [Double]) -> GaussianProcess {
        var best: (likelihood: Double, gp: GaussianProcess)?
        for l in [0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0] {
            for noise in [0.01, 0.03, 0.1, 0.3, 1.0] {
                let gp = GaussianProcess(inputs: x, targets: y, lengthScale: l, noise: noise)
                let likelihood = gp.logMarginalLikelihood(targets: y)
                if likelihood.isFinite, likelihood > (best?.likelihood ?? -.infinity) { best = (likelihood, gp) }
            }
        }
        return best?.gp ?? GaussianProcess(inputs: x, targets: y, lengthScale: 1, noise: 0.1)
    }

    /// The largest leave-one-out posterior variance fraction among the measured models, with
    /// `gp`'s hyperparameters.
    static func domainLimit(_ x: [[Double]], _ y: [Double], _ gp: GaussianProcess) -> Double {
        guard x.count >= 2 else { return 0 }
        var limit = 0.0
        for i in x.indices {
            let rest = x.indices.filter { $0 != i }
            let other = GaussianProcess(
                inputs: rest.map { x[$0] }, targets: rest.map { y[$0] }, lengthScale: gp.lengthScale, noise: gp.noise)
            limit = max(limit, variance(other, x[i]))
        }
        return limit
    }

    /// Posterior variance of `gp`'s function at `x` over its prior variance.
    static func variance(_ gp: GaussianProcess, _ x: [Double]) -> Double {
        let std = gp.predict(x).std / gp.scale
        return std * std
    }

    /// Predicted test accuracy, and whether `model` is outside the measured domain.
    package func predict(_ model: TransformerModel) -> (accuracy: Double, outsideDomain: Bool) {
        let x = Self.features(model)
        return (process.predict(x).mean, Self.variance(process, x) > domainLimit)
    }

    /// Held-out quality of the predictor: k-fold, each fold's process fitted (hyperparameters
    /// included) on the other folds only.
    package struct CrossValidation: Sendable, Equatable {
        package let folds: Int
        package let spearman: Double
        package let meanAbsoluteError: Double
        /// MAE of predicting each fold with the other folds' mean accuracy (the baseline).
        package let baselineError: Double
        /// Held-out models the domain rule flagged.
        package let flagged: Int
    }

    /// k-fold cross-validation; model i is in fold i mod k.
    package func crossValidate(folds k: Int = 5) -> CrossValidation {
        let x = models.map(Self.features)
        var predicted = [Double](repeating: 0, count: x.count)
        var baseline = 0.0
        var flagged = 0
        for fold in 0..<k {
            let train = x.indices.filter { $0 % k != fold }
            let held = x.indices.filter { $0 % k == fold }
            guard !train.isEmpty else { continue }
            let gp = Self.fit(train.map { x[$0] }, train.map { accuracies[$0] })
            let limit = Self.domainLimit(train.map { x[$0] }, train.map { accuracies[$0] }, gp)
            let mean = train.map { accuracies[$0] }.reduce(0, +) / Double(train.count)
            for i in held {
                predicted[i] = gp.predict(x[i]).mean
                baseline += abs(mean - accuracies[i])
                if Self.variance(gp, x[i]) > limit { flagged += 1 }
            }
        }
        let n = Double(max(x.count, 1))
        let mae = zip(predicted, accuracies).map { abs($0 - $1) }.reduce(0, +) / n
        return CrossValidation(
            folds: k, spearman: RankCorrelation.spearman(predicted, accuracies) ?? 0, meanAbsoluteError: mae, baselineError: baseline / n,
            flagged: flagged)
    }

    /// Reads a measurement log (JSON lines with `embedding`, `test_accuracy`, `setting` and
    /// `dataset`); the records of the most common setting are used.
    package static func load(path: String) throws -> MeasuredPredictor {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoDesignError.unreadableData(path: path, reason: "no such file; measure one with `transcode accuracy measure`")
        }
        var groups: [String: [(TransformerModel, Double)]] = [:]
        var datasets: [String: String] = [:]
        for (i, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let row = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let e = row["embedding"] as? [NSNumber], let accuracy = row["test_accuracy"] as? NSNumber,
                let setting = row["setting"] as? [String: Any], let name = setting["name"] as? String,
                let version = setting["version"] as? NSNumber
            else {
                throw CoDesignError.unreadableData(
                    path: path, reason: "line \(i + 1) is not a measurement record with embedding, test_accuracy and setting")
            }
            let key = "\(name) v\(version.intValue)"
            groups[key, default: []].append((try TransformerSpace.model(embedding: e.map(\.intValue)), accuracy.doubleValue))
            datasets[key] = row["dataset"] as? String ?? "?"
        }
        guard let (setting, pairs) = groups.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }), pairs.count >= 3 else {
            throw CoDesignError.unreadableData(path: path, reason: "fewer than 3 measured models")
        }
        return MeasuredPredictor(data: pairs, setting: setting, dataset: datasets[setting] ?? "?")
    }
}
