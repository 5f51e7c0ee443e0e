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

    package init(
        predictor: GLUEPredictor, curve: DynaPropAccuracyCurve, measured: [[Int]: Double] = [:], measuredPredictor: MeasuredPredictor? = nil
    ) {
        self.predictor = predictor
        self.curve = curve
        self.measured = measured
        self.measuredPredictor = measuredPredictor
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
        return AccuracyModel(predictor: predictor, curve: curve, measured: measured, measuredPredictor: measuredPredictor)
    }

    package var source: AccuracySource { measuredPredictor == nil ? .glue : .measured }

    /// Whether the measured predictor flags `model` as outside its measured domain (never
    /// with the GLUE source or for a model in the measured table).
    package func isOutsideDomain(_ model: TransformerModel) -> Bool {
        guard let measuredPredictor, measured[TransformerSpace.embedding(of: model)] == nil else { return false }
        return measuredPredictor.predict(model).outsideDomain
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

    package func accuracy(of model: TransformerModel, tauI: Double, tauT: Double) -> Double {
        let base =
            measured[TransformerSpace.embedding(of: model)] ?? measuredPredictor?.predict(model).accuracy ?? predictor.predict(model)
        return base + curve.delta(tauI: tauI, tauT: tauT)
    }
}
