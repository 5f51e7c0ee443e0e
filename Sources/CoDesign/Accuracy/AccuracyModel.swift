import DesignSpace
import Foundation

/// Accuracy of a design point: a measured score from the user's table if it has the model,
/// else the GLUE predictor; plus the DynaProp threshold effect.
package struct AccuracyModel: Sendable {
    package let predictor: GLUEPredictor
    package let curve: DynaPropAccuracyCurve
    /// Measured scores keyed by the model's 37-number embedding.
    package let measured: [[Int]: Double]

    package init(predictor: GLUEPredictor, curve: DynaPropAccuracyCurve, measured: [[Int]: Double] = [:]) {
        self.predictor = predictor
        self.curve = curve
        self.measured = measured
    }

    /// The shipped predictor and curve, plus an optional table of measured accuracies:
    /// `[{"model_dict": {...}, "accuracy": 0.8}, ...]` (or `"embedding": [...]` instead).
    package static func shipped(root: String, accuracyTable: String? = nil) throws -> AccuracyModel {
        let predictor = try GLUEPredictor.load(path: "\(root)/reference/flexibert2-glue.json")
        let curve = try DynaPropAccuracyCurve.load(path: "\(root)/data/dynaprop-accuracy.json")
        // Published measurements the project ships, then the user's (which win on a clash).
        var measured = try readTable("\(root)/data/measured-accuracy.json")
        if let accuracyTable {
            measured.merge(try readTable(accuracyTable)) { _, user in user }
        }
        return AccuracyModel(predictor: predictor, curve: curve, measured: measured)
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
        let base = measured[TransformerSpace.embedding(of: model)] ?? predictor.predict(model)
        return base + curve.delta(tauI: tauI, tauT: tauT)
    }
}
