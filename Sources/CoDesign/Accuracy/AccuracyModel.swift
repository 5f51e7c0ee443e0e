import DesignSpace
import Foundation

/// Accuracy of a design point: a measured score from the user's table if it has the model,
/// else the source's predictor (the measured Fashion-MNIST predictor or the GLUE predictor);
/// plus the DynaProp threshold effect.
package struct AccuracyModel: Sendable {
    package let predictor: GLUEPredictor
    /// The predictor fitted on the measured data set; nil with the GLUE source.
    package let measuredPredictor: MeasuredPredictor?
    package let curve: DynaPropAccuracyCurve
    /// Measured scores keyed by the model's 37-number embedding.
    package let measured: [[Int]: Double]
    /// The measured effect of tensor-train decomposition (nil: decomposed models have no
    /// accuracy, and a search refuses them).
    package let decomposition: DecompositionAccuracyCurve?

    package init(
        predictor: GLUEPredictor, curve: DynaPropAccuracyCurve, measured: [[Int]: Double] = [:],
        measuredPredictor: MeasuredPredictor? = nil,
        decomposition: DecompositionAccuracyCurve? = nil
    ) {
        self.predictor = predictor
        self.curve = curve
        self.measured = measured
        self.measuredPredictor = measuredPredictor
        self.decomposition = decomposition
    }

    /// The measured data set the project ships.
    package static func measuredDataPath(root: String) -> String { "\(root)/data/accuracy-fashion-mnist.jsonl" }

    /// The source a new search uses: the measured predictor when the data set exists.
    package static func defaultSource(root: String) -> AccuracySource {
        FileManager.default.fileExists(atPath: measuredDataPath(root: root)) ? .measured : .glue
    }

    /// The shipped predictor for `source` and the DynaProp curve, plus an optional table of
    /// measured accuracies: `[{"model_dict": {...}, "accuracy": 0.8}, ...]` (or
    /// `"embedding": [...]` instead). With the GLUE source the published GLUE measurements the
    /// project ships are looked up first; with the measured source they are not (another
    /// task and scale).
    package static func shipped(root: String, accuracyTable: String? = nil, source: AccuracySource = .glue) throws -> AccuracyModel {
        let predictor = try GLUEPredictor.load(path: "\(root)/reference/flexibert2-glue.json")
        let curve = try DynaPropAccuracyCurve.load(path: "\(root)/data/dynaprop-accuracy.json")
        var measured: [[Int]: Double] = [:]
        var measuredPredictor: MeasuredPredictor?
        switch source {
        case .glue: measured = try readTable("\(root)/data/measured-accuracy.json")
        case .measured: measuredPredictor = try MeasuredPredictor.load(path: measuredDataPath(root: root))
        }
        // The user's measurements win on a clash.
        if let accuracyTable {
            measured.merge(try readTable(accuracyTable)) { _, user in user }
        }
        let decompositionPath = DecompositionAccuracyCurve.shippedPath(root: root)
        let decomposition =
            FileManager.default.fileExists(atPath: decompositionPath) ? try DecompositionAccuracyCurve.load(path: decompositionPath) : nil
        return AccuracyModel(
            predictor: predictor, curve: curve, measured: measured, measuredPredictor: measuredPredictor, decomposition: decomposition)
    }

    package var source: AccuracySource { measuredPredictor == nil ? .glue : .measured }

    /// Whether the measured predictor flags `model` as outside its measured domain (never
    /// with the GLUE source or for a model in the measured table).
    package func isOutsideDomain(_ model: TransformerModel) -> Bool {
        guard let measuredPredictor, measured[TransformerSpace.embedding(of: model)] == nil else { return false }
        return measuredPredictor.predict(model.dense).outsideDomain
    }

    /// Reads `[{"model_dict": {...} or "embedding": [...], "accuracy": 0.8}, ...]`.
    package static func readTable(_ path: String) throws -> [[Int]: Double] {
        guard let data = FileManager.default.contents(atPath: path),
            let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else {
            throw CoDesignError.unreadableData(path: path, reason: "expected a JSON list of {model_dict or embedding, accuracy}")
        }
        var measured: [[Int]: Double] = [:]
        for (i, row) in rows.enumerated() {
            guard let accuracy = row["accuracy"] as? NSNumber else {
                throw CoDesignError.unreadableData(path: path, reason: "entry \(i) has no number 'accuracy'")
            }
            let model: TransformerModel
            if let dict = row["model_dict"] as? [String: Any] {
                model = try ModelDict.model(from: dict)
            } else if let e = row["embedding"] as? [NSNumber] {
                model = try TransformerSpace.model(embedding: e.map(\.intValue))
            } else {
                throw CoDesignError.unreadableData(path: path, reason: "entry \(i) needs 'model_dict' or 'embedding'")
            }
            measured[TransformerSpace.embedding(of: model)] = accuracy.doubleValue
        }
        return measured
    }

    /// The dense model's accuracy (measured, else predicted), plus the decomposition's
    /// measured change and the DynaProp thresholds' change. Beyond the measured compressions
    /// the decomposition's change is the last measured one; `unmeasuredDecomposition` flags
    /// such a model.
    package func accuracy(of model: TransformerModel, tauI: Double, tauT: Double) -> Double {
        // The base is the dense model's: the predictors were fitted on dense models, and the
        // decomposition's effect is the measured curve's alone.
        let dense = model.dense
        let base =
            measured[TransformerSpace.embedding(of: dense)] ?? measuredPredictor?.predict(dense).accuracy ?? predictor.predict(dense)
        var tt = 0.0
        if !model.decomposition.isDense, let decomposition {
            tt = decomposition.delta(compression: model.matrixCompression) ?? decomposition.knots.last!.delta
        }
        return base + tt + curve.delta(tauI: tauI, tauT: tauT)
    }

    /// Why `model`'s accuracy is not grounded in a measurement, if it is not: a decomposition
    /// with no measured curve, or one that compresses beyond every measured student.
    package func unmeasuredDecomposition(_ model: TransformerModel) -> String? {
        guard !model.decomposition.isDense else { return nil }
        guard let decomposition else {
            return "decomposed model, and no measured decomposition accuracy (data/decomposition-accuracy.json)"
        }
        let c = model.matrixCompression
        guard decomposition.delta(compression: c) == nil else { return nil }
        return String(
            format: "decomposition compresses its matrices %.1fx, beyond the %.1fx measured", c, decomposition.largestCompression)
    }
}
