import ArgumentParser
import CostModel
import DesignSpace
import Elector
import Foundation
import ProjectLayout

/// `transcode simulate`: models on accelerators, inference or training; one pair gives a
/// full report, several give one table.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Simulate transformers on accelerators with ELECTOR.",
        discussion: """
            Models: a built-in name (bert-tiny, bert-base, fb-star) or a model-dict JSON file \
            ({"l": 2, "o": [["sa_sdp_64", "sa_sdp_64"], ...], "h": [128, 128], "f": [[512], [512]]}; \
            see `transcode show --help`). Accelerators: a built-in name (acceltran-edge, \
            acceltran-server, elector-star), an AccelTran-style YAML or JSON file (`transcode show \
            acceltran-edge --format yaml` prints one), index:N, or an index range index:A-B of the \
            14,850,000-point space. Repeat --model and --accelerator to sweep every pair into one \
            table (text, csv or json). --profile: a JSON object {"weight": [[tau, rho], ...], \
            "activation": [...], "gradient": [...]} of measured sparsity curves, tau increasing, \
            optionally with counted effectual-MAC fractions ("forward_effectual" over tau_I, \
            "backward_effectual" over tau_T), as `transcode dynaprop sweep` writes it; `paper` \
            selects the paper's constant curves (50% weight and activation sparsity at tau_I = \
            0.01, 90% gradient sparsity at tau_T = 1e-4). Without --profile, a model with a \
            measured profile in data/dynaprop-profiles uses it, any other the paper's. \
            Main memory follows its datasheet (data/main-memory.json, or --memory-datasheets): \
            --memory-mode datasheet gives each memory type its own interface, acceltran-lb and \
            acceltran-hb set AccelTran's low- (25.6 GB/s) and high-bandwidth (256 GB/s) modes. \
            --power-gating cuts the leakage of idle PE modules, per module class or per PE.

            Examples:
              transcode simulate --model bert-tiny --accelerator acceltran-edge
              transcode simulate --model fb-star --accelerator elector-star --mode training
              transcode simulate --model bert-tiny --accelerator index:0-99 --fast --format csv
              transcode simulate --model bert-tiny --accelerator acceltran-edge --breakdown layer
              transcode simulate --model bert-tiny --accelerator acceltran-server --memory-mode acceltran-lb
              transcode simulate --model bert-tiny --accelerator acceltran-edge --power-gating module-class
              transcode simulate --model bert-tiny --accelerator acceltran-edge --profile paper
            """)

    @Option(help: "A built-in model or a model-dict JSON file; repeat for a sweep.") var model: [String]
    @Option(help: "A built-in accelerator, a YAML/JSON file, index:N or index:A-B; repeat for a sweep.") var accelerator: [String]
    @Option(help: "inference or training.") var mode: Workload = .inference
    @Option(parsing: .unconditional, help: "DynaProp thresholds tau_I,tau_T (0,0 switches DynaProp off).")
    var dynaprop: String = "0.01,0.0001"
    @Option(help: "A sparsity-profile JSON file or 'paper' (default: the model's measured profile, else the paper's).")
    var profile: String?
    @Option(help: "sgd or adam (training only; default sgd).") var optimizer: Optimizer?
    @Option(parsing: .unconditional, help: "Tokens per sequence.") var sequenceLength: Int = 128
    @Option(help: "Hardware table: nangate45, acceltran-14nm or a file (default: the calibrated table).") var table: String?
    @Option(help: "Reproduce the paper's setting: 'acceltran' (14 nm table, AccelTran area composition).")
    var reference: String?
    @Flag(help: "The analytic mode used by the search (closed form per layer, microseconds).") var fast = false
    @Option(help: "Latency, energy and utilisation per layer or per operation (cycle-level mode, one pair).")
    var breakdown: Breakdown?
    @Option(help: "Main-memory interface: datasheet, acceltran-lb or acceltran-hb (or a mode of the datasheet file).")
    var memoryMode: String = MainMemoryDatasheets.datasheetMode
    @Option(help: "Main-memory datasheet file.") var memoryDatasheets: String = ProjectFiles.path(MainMemoryDatasheets.shippedFile)
    @Option(help: "Power-gate idle modules: off, module-class or pe.") var powerGating: PowerGating = .off
    @Option(help: "text, json or csv.") var format: SimulationFormat = .text
    @Option(help: "Also write the JSON result (the CSV table with --format csv) to this file.") var output: String?

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
        if let breakdown {
            guard !fast else { throw ValidationError("--breakdown \(breakdown.rawValue) needs the cycle-level mode: drop --fast") }
            guard model.count == 1, accelerator.count == 1, !accelerator[0].hasPrefix("index:") || !accelerator[0].contains("-") else {
                throw ValidationError("--breakdown takes one --model and one --accelerator")
            }
        }
        if let output { try OutputPath.checkWritable(output) }
    }

    func run() throws {
        let models = try model.map { ($0, try Catalog.model($0)) }
        let accelerators = try accelerator.flatMap { try Catalog.accelerators($0) }
        let hardwareTable = try TableCatalog.load(reference == nil ? table : "acceltran-14nm")
        let memory = try MainMemoryDatasheets.load(path: memoryDatasheets).setting(mode: memoryMode)
        // Each model gets its own profile: its measured one where data/ has it.
        let dynaProps = try models.map { try ArgumentParsing.dynaProp(dynaprop, profile: profile, model: $0.1, modelName: $0.0) }
        let settings = SimulationRecord.Settings(
            workload: mode, fidelity: fast ? .fast : .cycle, optimizer: optimizer, sequenceLength: sequenceLength,
            profile: profile, reference: reference, memoryMode: memoryMode, powerGating: powerGating)
        let pairs = models.indices.flatMap { m in
            accelerators.map { a in (model: models[m], accelerator: a, dynaProp: dynaProps[m]) }
        }
        let requests = pairs.map {
            SimulationRequest(
                model: $0.model.1, accelerator: $0.accelerator.config, table: hardwareTable, workload: mode,
                dynaProp: $0.dynaProp.setting, optimizer: optimizer ?? .sgd, sequenceLength: sequenceLength,
                fidelity: settings.fidelity, acceltranComposition: reference != nil, breakdown: breakdown, memory: memory,
                powerGating: powerGating)
        }
        let total = requests.count
        let results = SimulationSweep.run(requests) { done in
            guard total > 1, done == total || done % max(total / 20, 1) == 0 else { return }
            FileHandle.standardError.write(Data("simulated \(done)/\(total) pairs\n".utf8))
        }
        let records = zip(pairs, results).map { pair, result in
            SimulationRecord(
                model: pair.model.0, modelEmbedding: TransformerSpace.embedding(of: pair.model.1), accelerator: pair.accelerator.name,
                acceleratorIndex: AcceleratorSpace.index(of: pair.accelerator.config), table: result.table,
                settings: settings.with(profile: pair.dynaProp.profile), result: result)
        }
        let json = records.count == 1 ? Render.json(records[0]) : Render.json(records)
        switch format {
        case .csv:
            let csv = breakdown == nil ? Render.simulationCSV(records) : Render.breakdownCSV(records[0])
            if let output { try OutputPath.write(csv, to: output) }
            print(csv, terminator: "")
        case .json:
            if let output { try OutputPath.write(json, to: output) }
            print(json, terminator: "")
        case .text:
            if let output { try OutputPath.write(json, to: output) }
            print(records.count == 1 ? Render.simulation(records[0]) : Render.simulationTable(records), terminator: "")
            if breakdown != nil { print("\n" + Render.breakdown(records[0]), terminator: "") }
        }
    }
}

extension Workload: ExpressibleByArgument {}
extension Optimizer: ExpressibleByArgument {}
extension Breakdown: ExpressibleByArgument {}
extension PowerGating: ExpressibleByArgument {}
