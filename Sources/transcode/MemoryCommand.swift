import ArgumentParser
import CostModel
import DesignSpace
import Elector
import Foundation
import ProjectLayout

/// `transcode memory`: one model on one accelerator with each main memory of the space, to
/// see what the memory type and organisation alone do to bandwidth, row hits and latency.
struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory", abstract: "Compare the space's main memories on one model and accelerator.",
        discussion: """
            Simulates the model on the accelerator once per main memory of the space (RRAM, DRAM \\
            and HBM in their [banks, ranks, channels] organisations), everything else unchanged, \\
            and prints each memory's peak and sustained bandwidth, row-hit rate, latency and \\
            main-memory energy. The memories follow data/main-memory.json (or \\
            --memory-datasheets); --memory-mode acceltran-lb or acceltran-hb gives every memory \\
            AccelTran's low- or high-bandwidth interface instead of its own. DynaProp runs at \
            tau_I 0.01, tau_T 0.0001 under the model's sparsity profile, as `transcode simulate` \
            does by default (measured where data/dynaprop-profiles has one, else the paper's).

            Examples:
              transcode memory
              transcode memory --model bert-base --accelerator acceltran-server --fast
              transcode memory --memory-mode acceltran-lb --format csv
            """)

    @Option(help: "A built-in model or a model-dict JSON file.") var model: String = "bert-tiny"
    @Option(help: "A built-in accelerator, a YAML/JSON file or index:N.") var accelerator: String = "acceltran-edge"
    @Option(help: "inference or training.") var mode: Workload = .inference
    @Option(help: "Hardware table: nangate45, acceltran-14nm or a file (default: the calibrated table).") var table: String?
    @Option(help: "Main-memory interface: datasheet, acceltran-lb or acceltran-hb (or a mode of the datasheet file).")
    var memoryMode: String = MainMemoryDatasheets.datasheetMode
    @Option(help: "Main-memory datasheet file.") var memoryDatasheets: String = ProjectFiles.path(MainMemoryDatasheets.shippedFile)
    @Flag(help: "The analytic mode (closed form per layer).") var fast = false
    @Option(help: "text, json or csv.") var format: SimulationFormat = .text

    func run() throws {
        let transformer = try Catalog.model(model)
        let configs = try Catalog.accelerators(accelerator)
        guard configs.count == 1 else { throw ValidationError("--accelerator takes one accelerator, not a range") }
        let base = configs[0]
        let memory = try MainMemoryDatasheets.load(path: memoryDatasheets).setting(mode: memoryMode)
        // The simulator's default DynaProp operating point under the model's default profile
        // (measured where data/dynaprop-profiles has it), as `simulate` uses it.
        let dynaProp = try ArgumentParsing.dynaProp("0.01,0.0001", profile: nil, model: transformer, modelName: model)
        let request = SimulationRequest(
            model: transformer, accelerator: base.config, table: try TableCatalog.load(table), workload: mode,
            dynaProp: dynaProp.setting, fidelity: fast ? .fast : .cycle, memory: memory)
        let requests = MemoryComparison.requests(request)
        let settings = SimulationRecord.Settings(
            workload: mode, fidelity: request.fidelity, optimizer: nil, sequenceLength: request.sequenceLength, profile: dynaProp.profile,
            reference: nil, memoryMode: memoryMode, powerGating: request.powerGating)
        let records = zip(requests, SimulationSweep.run(requests)).map { request, result in
            SimulationRecord(
                model: model, modelEmbedding: TransformerSpace.embedding(of: transformer), accelerator: base.name,
                acceleratorIndex: AcceleratorSpace.index(of: request.accelerator), table: result.table, settings: settings,
                result: result)
        }
        switch format {
        case .text: print(Render.memoryTable(records), terminator: "")
        case .json: print(Render.json(records), terminator: "")
        case .csv: print(Render.simulationCSV(records), terminator: "")
        }
    }
}
