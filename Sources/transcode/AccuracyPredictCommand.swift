import ArgumentParser
import CoDesign
import CostModel
import DesignSpace
import Foundation
import ProjectLayout

/// `transcode accuracy predict` (the default of `transcode accuracy`): the accuracy
/// predictor, its held-out quality and its predictions.
struct AccuracyPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict", abstract: "Report the accuracy predictor's held-out quality, or predict models' accuracy.",
        discussion: """
            Sources: measured (default when data/accuracy-fashion-mnist.jsonl exists): a Gaussian \
            process fitted on the project's measured Fashion-MNIST test accuracies, reported with \
            its k-fold held-out Spearman and MAE; a prediction whose posterior variance (as a \
            fraction of the prior) exceeds every measured model's when it is left out is flagged \
            "outside the measured domain". glue: the \
            Gaussian process on the 13 published FlexiBERT 2.0 GLUE scores, with its leave-one-out \
            error. Models: built-in names or model-dict JSON files (see `transcode show --help`).
            --accuracy-table: a JSON list [{"model_dict": {...}, "accuracy": 0.8}, ...] of measured scores.

            Examples:
              transcode accuracy
              transcode accuracy predict bert-tiny fb-star --dynaprop 0.01,0.0001
              transcode accuracy predict --accuracy-source glue --folds 10
            """)

    @Argument(help: "Built-in models or model-dict files to predict (none: just the fit).") var models: [String] = []
    @Option(parsing: .unconditional, help: "DynaProp thresholds tau_I,tau_T applied through data/dynaprop-accuracy.json.")
    var dynaprop: String = "0,0"
    @Option(help: "Measured accuracies that override the predictor.") var accuracyTable: String?
    @Option(help: "measured or glue (default: measured when its data file exists).") var accuracySource: AccuracySource?
    @Option(help: "Folds of the measured predictor's cross-validation.") var folds: Int = 5

    func validate() throws {
        guard (2...100).contains(folds) else { throw ValidationError("--folds must be between 2 and 100, got \(folds)") }
    }

    func run() throws {
        let source = accuracySource ?? AccuracyModel.defaultSource(root: ProjectFiles.root)
        let model = try AccuracyModel.shipped(root: ProjectFiles.root, accuracyTable: accuracyTable, source: source)
        let taus = try ArgumentParsing.numbers(dynaprop, what: "--dynaprop")
        guard taus.count == 2, taus.allSatisfy({ $0 >= 0 }) else {
            throw CLIError("--dynaprop takes two decimal thresholds tau_I,tau_T >= 0, e.g. 0.01,0.0001; got '\(dynaprop)'")
        }
        if let measured = model.measuredPredictor {
            print(
                "measured predictor: Gaussian process on \(measured.featureCount) architecture features, fitted on \(measured.measurements) models measured on "
                    + "\(measured.dataset) at setting \(measured.setting) (data/accuracy-fashion-mnist.jsonl)")
            guard measured.measurements >= folds else {
                throw CLIError("--folds \(folds) is more than the \(measured.measurements) measured models: lower it")
            }
            let cv = measured.crossValidate(folds: folds)
            print(
                String(
                    format:
                        "%d-fold held-out Spearman %.3f, mean absolute error %.4f (predicting the mean: %.4f); %d of %d held-out models flagged outside the measured domain",
                    cv.folds, cv.spearman, cv.meanAbsoluteError, cv.baselineError, cv.flagged, measured.measurements))
        } else {
            print(
                "GLUE predictor: Gaussian process on 8 architecture features, fitted on \(model.predictor.measurements) published FlexiBERT 2.0 measurements"
            )
            print(String(format: "leave-one-out mean absolute error: %.4f GLUE (stored scale)", model.predictor.leaveOneOutError))
        }
        for name in models {
            let m = try Catalog.model(name)
            let source =
                model.measured[TransformerSpace.embedding(of: m)] != nil
                ? "measured" : model.isOutsideDomain(m) ? "predicted, OUTSIDE the measured domain" : "predicted"
            print(
                String(
                    format: "%@: %.4f (%@, tau_I %g, tau_T %g)", name, model.accuracy(of: m, tauI: taus[0], tauT: taus[1]), source, taus[0],
                    taus[1]))
        }
    }
}
