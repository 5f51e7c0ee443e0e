import ArgumentParser
import Calibration
import CostModel
import DesignSpace
import Foundation
import HardwareModules
import ProjectLayout
import RTLGen
import Toolchain

/// `transcode calibrate`: synthesis, timing and gate-level energy of the generated modules
/// on NanGate45, assembled into the hardware table the simulator loads by default.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract:
            "Synthesise the generated modules with Yosys, time them with OpenSTA, measure their energy by gate-level simulation, and write the NanGate45 table.",
        discussion: """
            Inputs: a Liberty library (NanGate45, about 7 MB; scripts/setup fetches it into .lib/), \
            data/memory-models.json (JSON: format "transcode-memory-models", version 1, \
            source_table, source_clock_mhz, scaled_modules, and factors {name: {value, citation}} \
            with sram_area, logic_area, energy and leakage_per_area), and the module records \
            synth/nangate45-modules.json (JSON written by this command). Results are cached in \
            synth/cache by content hash, so a re-run synthesises only what changed. Before it \
            starts, the command prints how many modules it will synthesise and an estimate of the \
            time (the plan without its b = 4 softmax and layer-norm, 22 modules, took about 12 \
            minutes from an empty cache on 2 cores; each of those two takes longer than any other module). \
            To compare the checked-in table with the paper's figures without synthesis, use \
            'transcode table compare acceltran'. With --glue INDEX:PES it first synthesises the \
            glue of that design (the PE's and slot's own logic, and the controller: top, DMA \
            engine and CSR) around black-box leaves and SRAMs and records it in \
            synth/nangate45-glue.json; index 0 with 2 PEs takes several minutes.

            Examples:
              transcode calibrate
              transcode calibrate --modules mac_lane_m1_relu,dynaprop_b1_x8
              transcode calibrate --assemble-only
              transcode calibrate --assemble-only --glue 0:2
              transcode table compare acceltran
            """)

    @Option(help: "Comma-separated module names to recalibrate (e.g. mac_lane_m1_relu,dynaprop_b1_x8); default: the whole plan.")
    var modules: String?
    @Flag(help: "Assemble the table from the stored records without synthesising (no tools or liberty needed).")
    var assembleOnly = false
    @Option(help: "Liberty file (default: $TRANSCODE_LIBERTY or .lib/ from scripts/setup).") var liberty: String?
    @Option(help: "Buffer, main-memory and controller figures with their citations.")
    var memoryModels: String = ProjectFiles.path("data/memory-models.json")
    @Option(help: "Print a side-by-side table against this reference: acceltran.") var compare: String?
    @Option(help: "Module records (JSON), merged with earlier ones.") var records: String = ProjectFiles.path(
        "synth/nangate45-modules.json")
    @Option(help: "The hardware table to write.") var table: String = ProjectFiles.path("synth/nangate45.json")
    @Option(help: "Cache of per-module results, keyed by content hash.") var cache: String = ProjectFiles.path("synth/cache")
    @Option(help: "Synthesise the glue of this design first: INDEX:PES (e.g. 0:2).") var glue: String?
    @Option(help: "Glue records (JSON), merged with earlier ones.") var glueRecords: String = ProjectFiles.path(
        "synth/nangate45-glue.json")

    /// The design `--glue` names.
    private var glueDesign: (index: Int, processingElements: Int)? {
        guard let glue else { return nil }
        let parts = glue.split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// The module names `--modules` lists.
    private var moduleNames: [String]? { modules.map { $0.split(separator: ",").map(String.init) } }

    func validate() throws {
        if let compare, compare != "acceltran" { throw ValidationError("--compare takes only 'acceltran', got '\(compare)'") }
        if assembleOnly && modules != nil { throw ValidationError("give --modules or --assemble-only, not both") }
        if let glue {
            guard let d = glueDesign, (0..<AcceleratorSpace.count).contains(d.index), (1...8).contains(d.processingElements) else {
                throw ValidationError("--glue takes INDEX:PES with an index of the space and 1 to 8 PEs (e.g. 0:2), got '\(glue)'")
            }
        }
        if let names = moduleNames {
            do { _ = try CalibrationPlan.standard.variants(named: names) } catch let error as CalibrationError {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        let synthesis: CalibrationRequest.Synthesis = assembleOnly ? .none : moduleNames.map { .modules($0) } ?? .wholePlan
        let request = CalibrationRequest(
            synthesis: synthesis, liberty: liberty ?? (try? Toolchain.liberty(projectRoot: ProjectFiles.root)),
            templates: ProjectFiles.path("templates"), memoryModels: memoryModels, records: records, table: table, cache: cache,
            reference: try TableCatalog.load("acceltran-14nm"), compareWithReference: compare != nil, glueRecords: glueRecords,
            glueDesign: glueDesign)
        if let compare, synthesis == .none, !FileManager.default.fileExists(atPath: records) {
            // A fresh clone has no records: point at the comparison that needs none.
            throw CLIError("no calibration records at \(records): for the checked-in table use 'transcode table compare \(compare)'")
        }
        let report = try Calibrator(request).run(
            announce: { FileHandle.standardError.write(Data("\($0)\n".utf8)) },
            progress: { FileHandle.standardError.write(Data(Render.progress($0).utf8)) })
        print(Self.render(report), terminator: "")
    }

    /// The report as the command prints it: the synthesised modules, then the table.
    static func render(_ report: CalibrationReport) -> String {
        var lines: [String] = []
        if let records = report.recordsWritten {
            lines.append(
                Render.pad("module", 22) + Render.pad("area um^2", 12) + Render.pad("cells", 8) + Render.pad("flops", 7)
                    + Render.pad("leak mW", 10) + Render.pad("path ns", 9) + Render.pad("fmax MHz", 10) + Render.pad("fJ/cycle", 11)
                    + "toggle rate")
            for r in report.synthesised {
                lines.append(
                    Render.pad(r.module, 22) + Render.pad(String(format: "%.1f", r.areaUM2), 12) + Render.pad(String(r.cellCount), 8)
                        + Render.pad(String(r.flipFlops), 7) + Render.pad(String(format: "%.4f", r.leakageMW), 10)
                        + Render.pad(String(format: "%.3f", r.criticalPathNS), 9)
                        + Render.pad(String(format: "%.0f", r.maximumClockMHz), 10)
                        + Render.pad(String(format: "%.0f", r.energy.totalFJPerCycle), 11) + String(format: "%.3f", r.energy.netToggleRate))
            }
            lines.append("wrote \(records)")
        }
        guard let calibrated = report.calibrated, let table = report.tableWritten else {
            lines.append(
                "table not assembled: no records yet for \(report.missingRecords.joined(separator: ", ")); run 'transcode calibrate'")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(String(format: "clock %.1f MHz (slowest module %@)", calibrated.table.clockMHz, calibrated.slowestModule))
        lines.append("scaling model, checked on synthesised points it did not see:")
        for c in calibrated.checks {
            lines.append(
                "  " + Render.pad(c.module, 20) + Render.pad(c.basis, 44)
                    + String(
                        format: "area %.0f vs %.0f um^2 (%.1f%%), energy %.0f vs %.0f fJ (%.1f%%)", c.predictedAreaUM2,
                        c.synthesisedAreaUM2,
                        100 * c.areaError, c.predictedEnergyFJ, c.synthesisedEnergyFJ, 100 * c.energyError))
        }
        lines.append(
            "wrote \(table) (\(calibrated.modelled.count) of \(ModuleCatalog.moduleKeys.count) module entries from the scaling model or published figures)"
        )
        var text = lines.joined(separator: "\n") + "\n"
        if let comparison = report.comparison { text += render(comparison) }
        return text
    }

    static func render(_ c: TableComparison) -> String {
        var lines = [
            "",
            "NanGate45 (this flow) against the paper's 14 nm figures (AccelTran, Design Compiler); * = scaling model or published figure:",
            Render.pad("table key", 22) + Render.pad("45nm um^2", 13) + Render.pad("14nm um^2", 13) + Render.pad("ratio", 8)
                + Render.pad(String(format: "45nm/%.1f", c.logicAreaFactor), 11) + Render.pad("45nm pJ/cyc", 13) + "14nm pJ/cyc",
        ]
        for r in c.rows {
            lines.append(
                Render.pad(r.key + (r.modelled ? " *" : ""), 22) + Render.pad(String(format: "%.1f", r.areaUM2), 13)
                    + Render.pad(String(format: "%.1f", r.referenceAreaUM2), 13) + Render.pad(String(format: "%.2f", r.areaRatio), 8)
                    + Render.pad(String(format: "%.2f", r.scaledAreaRatio), 11) + Render.pad(String(format: "%.3f", r.energyPJ), 13)
                    + String(format: "%.3f", r.referenceEnergyPJ))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
