import ArgumentParser

/// `transcode accuracy`: the accuracy predictor (default) and the measured accuracy data set.
struct AccuracyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy", abstract: "The accuracy predictor, and measuring the space's accuracy on Fashion-MNIST.",
        discussion: """
            Without a subcommand, runs `predict`.

            Examples:
              transcode accuracy
              transcode accuracy measure --models 150 --out runs/accuracy
              transcode accuracy consistency --models 10 --out runs/consistency
              transcode accuracy decomposition --run runs/compress-bert-tiny --out data/decomposition-accuracy.json
            """,
        subcommands: [
            AccuracyPredictCommand.self, AccuracyMeasureCommand.self, AccuracyConsistencyCommand.self, AccuracyDecompositionCommand.self,
        ],
        defaultSubcommand: AccuracyPredictCommand.self)
}
