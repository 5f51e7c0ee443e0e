import ArgumentParser
import CostModel
import DesignSpace
import Elector
import Foundation
import ProjectLayout
import RTLGen
import RTLSim

/// `transcode validate`: the simulator's program model against the RTL in Verilator.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Compare the simulator's cycles with the generated RTL's on small programs.",
        discussion: """
            Compiles small programs (the model's first layer scaled to one tile: a K-reduction \
            matmul, the encoder layer on 2, 4 and 8 PEs, the layer with DynaProp, and a training \
            step with DynaProp), runs each on the generated top in Verilator and in the simulator's program \
            model, and prints per program the RTL's cycles, the simulator's, their ratio \
            (simulator / RTL) and the ratio of each module class's busy cycles ("-" when neither \
            side is busy). Both sides take the DMA's latency from the same main-memory model. \
            --small runs three programs (the CI set). --out also writes the rows as JSON or CSV \
            (by the file's extension). One Verilator build per accelerator and PE count (about \
            ten seconds each).

            Examples:
              transcode validate
              transcode validate --small --out /tmp/validation.csv
              transcode validate --accelerator acceltran-edge --accelerator acceltran-server --out /tmp/validation.json
            """)

    @Option(help: "A built-in accelerator or an accelerator YAML/JSON file (repeatable).") var accelerator: [String] = ["acceltran-edge"]
    @Option(help: "A built-in model or a model-dict JSON file; its first layer is scaled to one tile.") var model: String = "bert-tiny"
    @Flag(help: "Three programs on 2 PEs only (one build): the matmul, the layer with DynaProp, the training step.") var small = false
    @Option(help: "Also write the rows to this .json or .csv file.") var out: String?

    func validate() throws {
        if let out, !(out.hasSuffix(".json") || out.hasSuffix(".csv")) {
            throw ValidationError("--out must name a .json or .csv file, got '\(out)'")
        }
    }

    func run() throws {
        if let out { try OutputPath.checkWritable(out) }
        let transformer = try Catalog.model(model)
        var cases: [TimingValidation.Case] = []
        for name in accelerator {
            cases += TimingValidation.standardCases(accelerator: name, config: try Catalog.accelerator(name), small: small)
        }
        let validation = TimingValidation(
            library: try TemplateLibrary(directory: ProjectFiles.path("templates")), model: transformer,
            clockMHz: try TableCatalog.load(nil).clockMHz)
        let rows = try validation.run(cases, command: "transcode validate")
        print(Render.validationTable(rows), terminator: "")
        if let out {
            try OutputPath.write(out.hasSuffix(".csv") ? Render.validationCSV(rows) : Render.validationJSON(rows), to: out)
        }
    }
}
