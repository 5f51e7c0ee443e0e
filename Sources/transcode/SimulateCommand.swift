import ArgumentParser
import CostModel
import DesignSpace
import Elector
import Foundation

/// `transcode simulate`: one model on one accelerator, inference or training.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Simulate a transformer on an accelerator with ELECTOR.")

    @Option(help: "A built-in model or a model-dict JSON file.") var model: String
    @Option(help: "A built-in accelerator or an accelerator YAML/JSON file.") var accelerator: String
    @Option(help: "inference or training.") var mode: Workload = .inference
    @Option(parsing: .unconditional, help: "DynaProp thresholds tau_I,tau_T (0,0 switches DynaProp off).")
    var dynaprop: String = "0.01,0.0001"
    @Option(help: "A measured sparsity-profile JSON file (default: the paper's operating point).") var profile: String?
    @Option(help: "sgd or adam (training only; default sgd).") var optimizer: Optimizer?
    @Option(parsing: .unconditional, help: "Tokens per sequence.") var sequenceLength: Int = 128
    @Option(help: "Hardware table: nangate45, acceltran-14nm or a file (default: the calibrated table).") var table: String?
    @Option(help: "Reproduce the paper's setting: 'acceltran' (14 nm table, AccelTran area composition).")
    var reference: String?
    @Flag(help: "The analytic mode used by the search (closed form per layer, microseconds).") var fast = false
    @Option(help: "text or json (yaml is not offered: the result is a JSON document).") var format: OutputFormat = .text
    @Option(help: "Also write the JSON result to this file.") var output: String?

    func validate() throws {
        guard (1...512).contains(sequenceLength) else {
            throw CLIError("--sequence-length must be between 1 and 512, got \(sequenceLength)")
        }
        if let reference, reference != "acceltran" {
            throw CLIError("--reference takes only 'acceltran', got '\(reference)'")
        }
        if reference != nil, let table {
            throw ValidationError("--reference acceltran sets the table (acceltran-14nm): drop --table \(table)")
        }
        if let optimizer, mode == .inference {
            throw ValidationError("--optimizer \(optimizer.rawValue) applies to training only: add --mode training or drop it")
        }
        guard format != .yaml else { throw ValidationError("--format yaml is not available for simulate: use text or json") }
        if let output { try OutputPath.checkWritable(output) }
    }

    func run() throws {
        let request = try SimulationRequest(
            model: Catalog.model(model), accelerator: Catalog.accelerator(accelerator),
            table: TableCatalog.load(reference == nil ? table : "acceltran-14nm"), workload: mode,
            dynaProp: ArgumentParsing.dynaProp(dynaprop, profile: profile), optimizer: optimizer ?? .sgd,
            sequenceLength: sequenceLength, fidelity: fast ? .fast : .cycle, acceltranComposition: reference != nil)
        let result = Simulator.simulate(request)
        let json = Render.json(result)
        if let output { try OutputPath.write(json, to: output) }
        print(format == .json ? json : Render.simulation(result, model: model, accelerator: accelerator), terminator: "")
    }
}

extension Workload: ExpressibleByArgument {}
extension Optimizer: ExpressibleByArgument {}
