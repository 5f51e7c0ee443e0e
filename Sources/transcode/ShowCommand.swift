import ArgumentParser
import DesignSpace

/// `transcode show`: a readable summary of a model or an accelerator.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Summarise a model or an accelerator.",
        discussion: """
            A model is a built-in name (bert-tiny, bert-base, fb-star) or a model-dict JSON file:
              {"l": 2, "o": [["sa_sdp_64", "sa_sdp_64"], ["sa_sdp_64", "sa_sdp_64"]], "h": [128, 128], "f": [[512], [512]]}
            (l layers; per layer the heads as <operation>_<head size> with operation sa_sdp, sa_wma, \
            l_dft, l_dct, c_5, c_9 or c_13, the hidden size, and 1 to 3 feed-forward sizes). \
            An accelerator is a built-in name (acceltran-edge, acceltran-server, elector-star) or an \
            AccelTran-style YAML or JSON file; `transcode show acceltran-edge --format yaml` prints one.

            Examples:
              transcode show fb-star
              transcode show acceltran-edge --format yaml > edge.yaml && transcode show edge.yaml
            """)

    @Argument(help: "A built-in name or a file (model-dict JSON or accelerator YAML/JSON).")
    var item: String
    @Option(parsing: .unconditional, help: "Sequence length for the MAC count.") var sequenceLength: Int = 128
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
