import ArgumentParser

/// The `transcode` command: a thin layer that parses arguments, calls the libraries and prints.
@main
struct Transcode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcode",
        abstract: "Co-design transformer models and ELECTOR accelerators (TransCODE).",
        version: "0.1.0",
        subcommands: [SpaceCommand.self, ShowCommand.self, SearchCommand.self, AccuracyCommand.self, SimulateCommand.self, RTLCommand.self, CalibrateCommand.self, TableCommand.self, BenchmarkCommand.self]
    )
}
