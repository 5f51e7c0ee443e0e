import DesignSpace
import Foundation

/// The default accuracy predictor: a Gaussian process over eight architecture features,
/// fitted on the 13 published FlexiBERT 2.0 GLUE measurements (reference/flexibert2-glue.json,
/// jha-lab/transcode and jha-lab/edgetran, BSD-3-Clause). Scores are on the authors' stored
/// scale (the 8-task average times 1.5), which is the scale the paper reports.
///
/// Features: layers / 12; mean hidden size / 768; mean heads / 12; mean feed-forward width
/// summed over the stack / 12288; the fractions of SA, LT and DSC heads; log10(parameters) / 8.
/// The length scale and noise are chosen by leave-one-out error over a small grid.
package struct GLUEPredictor: Sendable {
    let process: GaussianProcess
    /// Mean absolute leave-one-out error of the chosen fit, in GLUE points (stored scale).
    package let leaveOneOutError: Double
    /// How many measurements it was fitted on.
    package let measurements: Int

    package static func features(_ m: TransformerModel) -> [Double] {
        let l = Double(m.layers.count)
        let heads = m.layers.flatMap(\.heads)
        let n = Double(heads.count)
        return [
            l / 12,
            m.layers.map { Double($0.hiddenSize) }.reduce(0, +) / l / 768,
            m.layers.map { Double($0.heads.count) }.reduce(0, +) / l / 12,
            m.layers.map { Double($0.feedForward.reduce(0, +)) }.reduce(0, +) / l / 12288,
            Double(heads.filter(\.isSelfAttention).count) / n,
            Double(heads.filter(\.isLinearTransform).count) / n,
            Double(heads.filter { $0.kernelSize != nil }.count) / n,
            log10(Double(m.parameterCount)) / 8,
        ]
    }

    /// Fits on (model, GLUE score) pairs.
    package init(data: [(TransformerModel, Double)]) {
        let x = data.map { Self.features($0.0) }
        let y = data.map(\.1)
        var best: (error: Double, l: Double, noise: Double) = (.infinity, 1, 0.1)
        for l in [0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5] {
            for noise in [0.01, 0.05, 0.1, 0.3, 1.0] {
                var error = 0.0
                for i in 0..<x.count {
                    let gp = GaussianProcess(
                        inputs: x.enumerated().filter { $0.offset != i }.map(\.element),
                        targets: y.enumerated().filter { $0.offset != i }.map(\.element), lengthScale: l, noise: noise)
                    error += abs(gp.predict(x[i]).mean - y[i])
                }
                error /= Double(x.count)
                if error < best.error { best = (error, l, noise) }
            }
        }
        process = GaussianProcess(inputs: x, targets: y, lengthScale: best.l, noise: best.noise)
        leaveOneOutError = best.error
        measurements = x.count
    }

    /// Reads the published measurements (records with a non-null `glue`).
    package static func load(path: String) throws -> GLUEPredictor {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let records = object["records"] as? [[String: Any]]
        else {
            throw CoDesignError.unreadableData(path: path, reason: "expected a JSON object with a 'records' list")
        }
        var pairs: [(TransformerModel, Double)] = []
        for record in records {
            guard let glue = record["glue"] as? NSNumber, let dict = record["model_dict"] as? [String: Any] else { continue }
            pairs.append((try ModelDict.model(from: dict), glue.doubleValue))
        }
        return GLUEPredictor(data: pairs)
    }

    /// Predicted GLUE score.
    package func predict(_ model: TransformerModel) -> Double {
        process.predict(Self.features(model)).mean
    }
}
