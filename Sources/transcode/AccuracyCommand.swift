import ArgumentParser
import CoDesign
import CostModel
import DesignSpace
import ProjectLayout

/// `transcode accuracy`: the accuracy predictor, its fit and its predictions.
struct AccuracyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy", abstract: "Report the GLUE predictor's leave-one-out error, or predict a model's GLUE score.",
        discussion: """
            Models: built-in names or model-dict JSON files (see `transcode show --help`).
            --accuracy-table: a JSON list [{"model_dict": {...}, "accuracy": 0.8}, ...] of measured scores.

            Examples:
              transcode accuracy
              transcode accuracy bert-tiny fb-star --dynaprop 0.01,0.0001
            """)

    @Argument(help: "Built-in models or model-dict files to predict (none: just the fit).") var models: [String] = []
    @Option(parsing: .unconditional, help: "DynaProp thresholds tau_I,tau_T applied through data/dynaprop-accuracy.json.")
    var dynaprop: String = "0,0"
    @Option(help: "Measured accuracies that override the predictor.") var accuracyTable: String?

    func run() throws {
        let model = try AccuracyModel.shipped(root: ProjectFiles.root, accuracyTable: accuracyTable)
        let taus = try ArgumentParsing.numbers(dynaprop, what: "--dynaprop")
        guard taus.count == 2, taus.allSatisfy({ $0 >= 0 }) else {
            throw CLIError("--dynaprop takes two decimal thresholds tau_I,tau_T >= 0, e.g. 0.01,0.0001; got '\(dynaprop)'")
        }
        print(
            "GLUE predictor: Gaussian process on 8 architecture features, fitted on \(model.predictor.measurements) published FlexiBERT 2.0 measurements"
        )
        print(String(format: "leave-one-out mean absolute error: %.4f GLUE (stored scale)", model.predictor.leaveOneOutError))
        for name in models {
            let m = try Catalog.model(name)
            let source = model.measured[TransformerSpace.embedding(of: m)] != nil ? "measured" : "predicted"
            print(
                String(
                    format: "%@: %.4f (%@, tau_I %g, tau_T %g)", name, model.accuracy(of: m, tauI: taus[0], tauT: taus[1]), source, taus[0],
                    taus[1]))
        }
    }
}
