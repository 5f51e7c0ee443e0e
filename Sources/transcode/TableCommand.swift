import ArgumentParser
import Calibration
import CostModel
import Foundation
import HardwareModules
import ProjectLayout
import StructuredInput

/// `transcode table`: the hardware cost tables.
struct TableCommand: ParsableCommand {
    /// What every table subcommand reads, for their help.
    static let tableFormat = """
        A hardware table is JSON: format "transcode-hardware-table", version 2, name, \
        technology, units, provenance, clock_mhz, integer_bits, fraction_bits, modules \
        {module name: {area_um2, dynamic_mw, leakage_mw, ...}}, buffers and main_memory. \
        Shipped tables: nangate45 (synth/nangate45.json, calibrated by 'transcode calibrate') \
        and acceltran-14nm (synth/acceltran-14nm.json, the paper's figures).
        """

    static let configuration = CommandConfiguration(
        commandName: "table", abstract: "Show, compare or regenerate hardware cost tables.",
        discussion: """
            \(tableFormat)

            Examples:
              transcode table show nangate45
              transcode table show my-table.json
              transcode table compare acceltran
              transcode table convert-acceltran --out /tmp/acceltran-14nm.json
            """,
        subcommands: [ConvertAccelTran.self, Show.self, Compare.self])

    struct ConvertAccelTran: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert-acceltran",
            abstract: "Write synth/acceltran-14nm.json from reference/acceltran.json (the paper's 14 nm figures).",
            discussion: """
                Reads reference/acceltran.json, a JSON object whose constants_14nm object holds the \
                paper's per-module area, dynamic power and leakage at 14 nm, and writes them as a \
                hardware table. \(TableCommand.tableFormat)

                Examples:
                  transcode table convert-acceltran
                  transcode table convert-acceltran --out /tmp/acceltran-14nm.json
                """)
        @Option(help: "Output file.") var out: String = ProjectFiles.path("synth/acceltran-14nm.json")

        func run() throws {
            // Checked before reading anything, as `simulate --output` is.
            try OutputPath.checkWritable(out)
            let path = ProjectFiles.path("reference/acceltran.json")
            let object: Any
            do throws(StructuredInputError) {
                object = try JSONText.object(try InputFile.read(path), source: path)
            } catch {
                throw CostModelError.unreadable(path: path, reason: error.reason)
            }
            guard let constants = (object as? [String: Any])?["constants_14nm"] as? [String: Any] else {
                throw CostModelError.unreadable(path: path, reason: "expected a JSON object with constants_14nm")
            }
            let table = try HardwareTable.acceltran14nm(constants: constants)
            try table.validate()
            try OutputPath.write(table.jsonText(), to: out)
            print("wrote \(out)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a table's modules.",
            discussion: """
                \(TableCommand.tableFormat)

                Examples:
                  transcode table show
                  transcode table show acceltran-14nm
                  transcode table show synth/nangate45.json
                """)
        @Argument(help: "acceltran-14nm, nangate45 or a file.") var table: String?

        func run() throws {
            let t = try TableCatalog.load(table)
            print("\(t.name) (\(t.technology)), clock \(t.clockMHz) MHz, \(t.integerBits + t.fractionBits)-bit fixed point")
            print(Render.pad("module", 24) + Render.pad("area um^2", 16) + Render.pad("dynamic mW", 14) + "leakage mW")
            for key in ModuleCatalog.moduleKeys {
                let c = t.module(key)
                print(
                    Render.pad(key, 24) + Render.pad(Render.number(c.areaUM2), 16) + Render.pad(Render.number(c.dynamicMW), 14)
                        + Render.number(c.leakageMW))
            }
        }
    }

    /// The comparison `calibrate --compare` prints, from the checked-in tables alone: a fresh
    /// clone has no synthesis cache, and re-running the calibration for it took 21 minutes.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a NanGate45 table beside the paper's 14 nm figures, without synthesis.",
            discussion: """
                Compares module by module: area, area divided by the logic-area factor of the \
                memory models (45 nm to 14 nm), and dynamic energy per busy cycle in picojoules \
                (power over clock, since the two tables run at different clocks). Entries marked * \
                come from the scaling model or published figures (the table's provenance \
                'modelled'). --table takes a name or a file; --memory-models is the JSON file of \
                'transcode calibrate --help'. \(TableCommand.tableFormat)

                Examples:
                  transcode table compare acceltran
                  transcode table compare acceltran --table synth/nangate45.json
                """)
        @Argument(help: "The reference: acceltran.") var reference: String
        @Option(help: "The table to compare: nangate45 or a file.") var table: String = "nangate45"
        @Option(help: "Memory models giving the logic-area factor.")
        var memoryModels: String = ProjectFiles.path("data/memory-models.json")

        func validate() throws {
            guard reference == "acceltran" else { throw ValidationError("the reference must be 'acceltran', got '\(reference)'") }
        }

        func run() throws {
            let t = try TableCatalog.load(table)
            let comparison = TableComparison(
                table: t, reference: try TableCatalog.load("acceltran-14nm"),
                logicAreaFactor: try MemoryModels.load(path: memoryModels).factor("logic_area"),
                modelled: TableComparison.modelledKeys(of: t))
            print(CalibrateCommand.render(comparison).dropFirst(), terminator: "")
        }
    }
}
