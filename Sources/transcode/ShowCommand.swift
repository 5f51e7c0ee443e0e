import ArgumentParser
import DesignSpace

/// `transcode show`: a readable summary of a model or an accelerator.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Summarise a model or an accelerator.")

    @Argument(help: "A built-in name or a file (model-dict JSON or accelerator YAML/JSON).")
    var item: String
    @Option(help: "Sequence length for the MAC count.") var sequenceLength: Int = 128
    @Option(help: "text, json or yaml.") var format: OutputFormat = .text

    func validate() throws {
        guard sequenceLength >= 1 else { throw CLIError("--sequence-length must be at least 1") }
    }

    func run() throws {
        switch try Catalog.item(item) {
        case .model(let model):
            switch format {
            case .text: print(Render.modelSummary(model, sequenceLength: sequenceLength), terminator: "")
            case .json, .yaml: print(ModelDict.render(model), terminator: "")
            }
        case .accelerator(let config):
            print(format == .text ? Render.acceleratorSummary(config) : Render.accelerator(config, format: format), terminator: "")
        }
    }
}
