import ArgumentParser
import Calibration
import CostModel
import DesignSpace
import Foundation
import ProjectLayout
import RTLGen
import Toolchain

/// `transcode calibrate`: synthesis, timing and gate-level energy of the generated modules
/// on NanGate45, assembled into the hardware table the simulator loads by default.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Synthesise the generated modules with Yosys, time them with OpenSTA, measure their energy by gate-level simulation, and write the NanGate45 table.")

    @Option(help: "Comma-separated module names to recalibrate (e.g. mac_lane_m1_relu,dynaprop_b1_x8); default: the whole plan.")
    var modules: String?
    @Option(help: "Liberty file (default: $TRANSCODE_LIBERTY or .lib/ from scripts/setup).") var liberty: String?
    @Option(help: "Buffer, main-memory and controller figures with their citations.")
    var memoryModels: String = ProjectFiles.path("data/memory-models.json")
    @Option(help: "Print a side-by-side table against this reference: acceltran.") var compare: String?
    @Option(help: "Module records (JSON), merged with earlier ones.") var records: String = ProjectFiles.path("synth/nangate45-modules.json")
    @Option(help: "The hardware table to write.") var table: String = ProjectFiles.path("synth/nangate45.json")
    @Option(help: "Cache of per-module results, keyed by content hash.") var cache: String = ProjectFiles.path("synth/cache")

    func run() throws {
        if let compare, compare != "acceltran" { throw CLIError("--compare takes only 'acceltran', got '\(compare)'") }
        let plan = CalibrationPlan.standard
        let variants = try modules.map { list in
            try list.split(separator: ",").map { name -> ModuleVariant in
                guard let v = plan.variants.first(where: { $0.moduleName == name }) else {
                    throw CLIError("unknown module '\(name)': use one of \(plan.variants.map(\.moduleName).joined(separator: ", "))")
                }
                return v
            }
        } ?? plan.variants
        let memory = try MemoryModels.load(path: memoryModels)
        let lib = try liberty ?? Toolchain.liberty(projectRoot: ProjectFiles.root)
        let flow = try SynthesisFlow(liberty: lib, generator: RTLGenerator(library: TemplateLibrary(directory: ProjectFiles.path("templates"))))
        let run = CalibrationRun(flow: flow, cacheDirectory: cache)
        let tools = try run.toolIdentity()
        let results = try run.run(variants, tools: tools) { FileHandle.standardError.write(Data(Render.progress($0).utf8)) }
        let provenance = SynthesisFlow.provenance(tools: tools, liberty: lib)
        let stored = try CalibrationRecords.load(path: records) ?? CalibrationRecords(provenance: [:], modules: [])
        let merged = stored.merging(results, provenance: provenance, plan: plan)
        try merged.jsonText().write(toFile: records, atomically: true, encoding: .utf8)

        print(Render.pad("module", 22) + Render.pad("area um^2", 12) + Render.pad("cells", 8) + Render.pad("flops", 7)
            + Render.pad("leak mW", 10) + Render.pad("path ns", 9) + Render.pad("fmax MHz", 10) + Render.pad("fJ/cycle", 11) + "toggle rate")
        for r in results {
            print(Render.pad(r.module, 22) + Render.pad(String(format: "%.1f", r.areaUM2), 12) + Render.pad(String(r.cellCount), 8)
                + Render.pad(String(r.flipFlops), 7) + Render.pad(String(format: "%.4f", r.leakageMW), 10)
                + Render.pad(String(format: "%.3f", r.criticalPathNS), 9) + Render.pad(String(format: "%.0f", r.maximumClockMHz), 10)
                + Render.pad(String(format: "%.0f", r.energy.totalFJPerCycle), 11) + String(format: "%.3f", r.energy.netToggleRate))
        }
        print("wrote \(records)")

        let missing = plan.variants.filter { v in !merged.modules.contains { $0.module == v.moduleName } }
        guard missing.isEmpty else {
            print("table not assembled: no records yet for \(missing.map(\.moduleName).joined(separator: ", ")); run 'transcode calibrate'")
            return
        }
        let reference = try TableCatalog.load("acceltran-14nm")
        var tableProvenance = provenance
        tableProvenance["records"] = "synth/nangate45-modules.json"
        tableProvenance["memory_models"] = "data/memory-models.json"
        tableProvenance["command"] = "transcode calibrate (refresh after changing templates, the flow or the liberty)"
        let calibrated = try CalibratedTable(
            records: merged.modules, plan: plan, memory: memory, source: reference, format: flow.generator.format,
            technology: "NanGate 45 nm Open Cell Library, typical corner, 1.1 V", provenance: tableProvenance)
        try calibrated.table.jsonText().write(toFile: table, atomically: true, encoding: .utf8)
        print(String(format: "clock %.1f MHz (slowest module %@)", calibrated.table.clockMHz, calibrated.slowestModule))
        print("scaling model, checked on synthesised points it did not see:")
        for c in calibrated.checks {
            print("  " + Render.pad(c.module, 20) + Render.pad(c.basis, 44)
                + String(format: "area %.0f vs %.0f um^2 (%.1f%%), energy %.0f vs %.0f fJ (%.1f%%)", c.predictedAreaUM2, c.synthesisedAreaUM2,
                         100 * c.areaError, c.predictedEnergyFJ, c.synthesisedEnergyFJ, 100 * c.energyError))
        }
        print("wrote \(table) (\(calibrated.modelled.count) of \(ModuleKey.all.count) module entries from the scaling model or published figures)")
        if compare != nil {
            print(Self.render(TableComparison(table: calibrated.table, reference: reference, logicAreaFactor: memory.factor("logic_area"),
                                              modelled: Set(calibrated.modelled.keys))), terminator: "")
        }
    }

    static func render(_ c: TableComparison) -> String {
        var lines = ["", "NanGate45 (this flow) against the paper's 14 nm figures (AccelTran, Design Compiler); * = scaling model or published figure:",
                     Render.pad("table key", 22) + Render.pad("45nm um^2", 13) + Render.pad("14nm um^2", 13) + Render.pad("ratio", 8)
                        + Render.pad(String(format: "45nm/%.1f", c.logicAreaFactor), 11) + Render.pad("45nm pJ/cyc", 13) + "14nm pJ/cyc"]
        for r in c.rows {
            lines.append(Render.pad(r.key + (r.modelled ? " *" : ""), 22) + Render.pad(String(format: "%.1f", r.areaUM2), 13)
                + Render.pad(String(format: "%.1f", r.referenceAreaUM2), 13) + Render.pad(String(format: "%.2f", r.areaRatio), 8)
                + Render.pad(String(format: "%.2f", r.scaledAreaRatio), 11) + Render.pad(String(format: "%.3f", r.energyPJ), 13)
                + String(format: "%.3f", r.referenceEnergyPJ))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
