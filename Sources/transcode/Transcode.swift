import ArgumentParser
import Foundation

/// The `transcode` command: a thin layer that parses arguments, calls the libraries and prints.
@main
struct Transcode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcode",
        abstract: "Co-design transformer models and ELECTOR accelerators (TransCODE).",
        discussion: """
            Every command takes built-in names or files for models (model-dict JSON) and \
            accelerators (AccelTran-style YAML or JSON); `transcode show --help` describes both.

            Examples:
              transcode search --out runs/search
              transcode simulate --model bert-tiny --accelerator acceltran-edge
              transcode rtl --accelerator elector-star --out rtl/elector-star
            """,
        version: "0.1.0",
        subcommands: [
            SpaceCommand.self, ShowCommand.self, SearchCommand.self, ObjectiveScaleCommand.self, AccuracyCommand.self,
            SimulateCommand.self, RTLCommand.self, CompileCommand.self, MemoryCommand.self, CalibrateCommand.self, TableCommand.self,
            BenchmarkCommand.self, TrainCommand.self, DynaPropCommand.self, ValidateCommand.self, CompressCommand.self,
        ]
    )

    /// Runs the command and keeps every error to one line on standard error: ArgumentParser's
    /// own report of a usage error adds the usage text and a help line (three or four lines);
    /// here the help hint joins the error's line instead.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // --help and --version arrive as errors with a success code: print them in full.
            guard code != .success else { exit(withError: error) }
            var line = "Error: " + message(for: error)
            if code == .validationFailure { line += " (see '\(commandPath(arguments)) --help')" }
            FileHandle.standardError.write(Data((line + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }

    /// The subcommand path the arguments name, e.g. `transcode space accelerators decode`.
    static func commandPath(_ arguments: [String]) -> String {
        var path = [_commandName]
        var command: ParsableCommand.Type = Transcode.self
        for argument in arguments {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            path.append(argument)
            command = next
        }
        return path.joined(separator: " ")
    }
}
