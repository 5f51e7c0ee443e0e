import ArgumentParser
import CostModel
import DesignSpace
import Elector
import Foundation
import ProjectLayout
import RTLGen
import RTLSim
import StructuredInput

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
              transcode validate --small --dynaprop 0.3,0.1 --accelerator my-accelerator.yaml
              transcode validate --accelerator acceltran-edge --accelerator acceltran-server --out /tmp/validation.json
            """)

    @Option(help: "A built-in accelerator or an accelerator YAML/JSON file (repeatable).") var accelerator: [String] = ["acceltran-edge"]
    @Option(help: "A built-in model or a model-dict JSON file; its first layer is scaled to one tile.") var model: String = "bert-tiny"
    @Flag(help: "Three programs on 2 PEs only (one build): the matmul, the layer with DynaProp, the training step.") var small = false
    @Option(help: "DynaProp thresholds tau_I,tau_T of the layer and the training step that prune (0 < tau < 8).")
    var dynaprop: String = "0.05,0.02"
    @Option(help: "Also write the rows to this .json or .csv file.") var out: String?

    /// The two thresholds, or a usage error naming the option.
    func thresholds() throws -> (Double, Double) {
        let parts = dynaprop.split(separator: ",", omittingEmptySubsequences: false).map {
            DecimalText.number($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 2, let tauI = parts[0], let tauT = parts[1], tauI > 0, tauI < 8, tauT > 0, tauT < 8 else {
            throw ValidationError("--dynaprop takes two thresholds tau_I,tau_T above 0 and below 8, e.g. 0.05,0.02; got '\(dynaprop)'")
        }
        return (tauI, tauT)
    }

    func validate() throws {
        if let out, !(out.hasSuffix(".json") || out.hasSuffix(".csv")) {
            throw ValidationError("--out must name a .json or .csv file, got '\(out)'")
        }
        _ = try thresholds()
    }

    func run() throws {
        if let out { try OutputPath.checkWritable(out) }
        let transformer = try Catalog.model(model)
        let tau = try thresholds()
        var cases: [TimingValidation.Case] = []
        for name in accelerator {
            cases += TimingValidation.standardCases(
                accelerator: name, config: try Catalog.accelerator(name), small: small, tauInference: tau.0, tauTraining: tau.1)
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
