import ArgumentParser
import Calibration
import CostModel
import DesignSpace
import Foundation
import RTLGen
import Toolchain

/// `transcode calibrate`: synthesis, timing and power of the generated modules on NanGate45.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Synthesise generated modules with Yosys on the liberty, time and power them with OpenSTA, and compare with the paper's 14 nm figures.")

    @Option(help: "Comma-separated module names (e.g. mac_lane_m1_relu,dynaprop_b1_x8); default: the small set.")
    var modules: String = "mac_lane_m1_relu,mac_lane_m1_gelu,dynaprop_b1_x8,pre_sparsity_n16,post_sparsity_n16,softmax_b1_x8,fifo_w320_d2"
    @Option(help: "Liberty file (default: $TRANSCODE_LIBERTY or .lib/ from scripts/setup).") var liberty: String?
    @Option(help: "Print a side-by-side table against this reference: acceltran.") var compare: String?
    @Option(help: "Write the module records (JSON) here.") var output: String = ProjectFiles.path("synth/nangate45-modules.json")

    static let known: [ModuleVariant] = {
        var list: [ModuleVariant] = []
        for m in [1, 16] { for a in Activation.allCases { list.append(.macLane(macs: m, activation: a)) } }
        for x in [8, 16, 32] {
            for b in [1, 4] { list += [.dynaProp(batchTile: b, tile: x), .softmax(batchTile: b, tile: x), .layerNorm(batchTile: b, tile: x)] }
            list += [.preSparsity(width: x), .postSparsity(width: x)]
        }
        return list + [.fifo(width: 320, depth: 2)]
    }()

    func run() throws {
        if let compare, compare != "acceltran" { throw CLIError("--compare takes only 'acceltran', got '\(compare)'") }
        let variants = try modules.split(separator: ",").map { name -> ModuleVariant in
            guard let v = Self.known.first(where: { $0.moduleName == name }) else {
                throw CLIError("unknown module '\(name)': use one of \(Self.known.map(\.moduleName).joined(separator: ", "))")
            }
            return v
        }
        let lib = try liberty ?? Toolchain.liberty(projectRoot: ProjectFiles.root)
        let flow = try SynthesisFlow(liberty: lib, generator: RTLGenerator(library: TemplateLibrary(directory: ProjectFiles.path("templates"))))
        let run = CalibrationRun(flow: flow, cacheDirectory: ProjectFiles.path("synth/cache"))
        let results = try run.run(variants) { p in
            FileHandle.standardError.write(Data(String(format: "%@ (%d of %d)%@, %.1f s\n", p.module, p.index, p.count, p.cached ? ", cached" : "", p.elapsedSeconds).utf8))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var provenance = try run.toolIdentity()
        provenance["command"] = "transcode calibrate --modules MODULES (each record from the run that last calibrated it)"
        provenance["yosys_script"] = SynthesisFlow.yosysScript(source: "MODULE.sv", top: "MODULE", liberty: "LIBERTY")
        provenance["power"] = "OpenSTA report_power at 100 MHz with set_power_activity -input at the measured input toggle rate (vectorless propagation inside the module)"
        struct Records: Encodable {
            let format = "transcode-module-calibration"
            let version = 1
            let units = ["area_um2": "square micrometres", "leakage_mw": "milliwatts", "dynamic_mw": "milliwatts at analysis_clock_mhz",
                         "critical_path_ns": "nanoseconds", "input_activity": "toggles per input bit per cycle"]
            let provenance: [String: String]
            let modules: [ModuleCalibration]
        }
        // Keep the records of modules this run did not touch.
        struct Stored: Decodable { let modules: [ModuleCalibration] }
        let earlier = FileManager.default.contents(atPath: output).flatMap { try? JSONDecoder().decode(Stored.self, from: $0) }?.modules ?? []
        let merged = (earlier.filter { old in !results.contains { $0.module == old.module } } + results).sorted { $0.module < $1.module }
        try encoder.encode(Records(provenance: provenance, modules: merged)).write(to: URL(fileURLWithPath: output))
        print(Render.pad("module", 22) + Render.pad("area um^2", 12) + Render.pad("cells", 8) + Render.pad("flops", 7)
            + Render.pad("leak mW", 10) + Render.pad("path ns", 9) + Render.pad("fmax MHz", 10) + "dyn mW@100MHz")
        for r in results {
            print(Render.pad(r.module, 22) + Render.pad(String(format: "%.1f", r.areaUM2), 12) + Render.pad(String(r.cellCount), 8)
                + Render.pad(String(r.flipFlops), 7) + Render.pad(String(format: "%.4f", r.leakageMW), 10)
                + Render.pad(String(format: "%.3f", r.criticalPathNS), 9) + Render.pad(String(format: "%.0f", 1000 / r.criticalPathNS), 10)
                + String(format: "%.4f", r.dynamicMW))
        }
        print("wrote \(output)")
        if compare != nil { print(try Self.comparison(results), terminator: "") }
    }

    /// Module by module against the paper's 14 nm Design Compiler figures.
    static func comparison(_ results: [ModuleCalibration]) throws -> String {
        let table = try TableCatalog.load("acceltran-14nm")
        var lines = ["", "NanGate45 (this flow) against the paper's 14 nm figures (AccelTran, Design Compiler):",
                     Render.pad("module", 22) + Render.pad("table key", 22) + Render.pad("45nm um^2", 12) + Render.pad("14nm um^2", 12) + "ratio"]
        for r in results {
            guard let v = known.first(where: { $0.moduleName == r.module }) else { continue }
            let key: String
            switch v {
            case .macLane(let m, let a): key = ModuleKey.macLane(macs: m, activation: a)
            case .dynaProp(let b, let x): key = ModuleKey.dynaProp(tile: x, batchTile: b)
            case .softmax(let b, let x): key = ModuleKey.softmax(tile: x, batchTile: b)
            case .layerNorm(let b, let x): key = ModuleKey.layerNorm(tile: x, batchTile: b)
            case .preSparsity(let x): key = ModuleKey.preSparsity(tile: x)
            case .postSparsity(let x): key = ModuleKey.postSparsity(tile: x)
            case .fifo: key = ModuleKey.fifo
            }
            let paper = table.module(key).areaUM2
            lines.append(Render.pad(r.module, 22) + Render.pad(key, 22) + Render.pad(String(format: "%.1f", r.areaUM2), 12)
                + Render.pad(String(format: "%.1f", paper), 12) + String(format: "%.2f", r.areaUM2 / paper))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
