import ArgumentParser
import CostModel
import Foundation
import HardwareModules
import ProjectLayout

/// `transcode table`: the hardware cost tables.
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table", abstract: "Show or regenerate hardware cost tables.",
        subcommands: [ConvertAccelTran.self, Show.self])

    struct ConvertAccelTran: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert-acceltran",
            abstract: "Write synth/acceltran-14nm.json from reference/acceltran.json (the paper's 14 nm figures).")
        @Option(help: "Output file.") var out: String = ProjectFiles.path("synth/acceltran-14nm.json")

        func run() throws {
            let path = ProjectFiles.path("reference/acceltran.json")
            guard let data = FileManager.default.contents(atPath: path),
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                let constants = object["constants_14nm"] as? [String: Any]
            else {
                throw CostModelError.unreadable(path: path, reason: "expected a JSON object with constants_14nm")
            }
            let table = try HardwareTable.acceltran14nm(constants: constants)
            try table.validate()
            try table.jsonText().write(toFile: out, atomically: true, encoding: .utf8)
            print("wrote \(out)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a table's modules.")
        @Argument(help: "acceltran-14nm, nangate45 or a file.") var table: String?

        func run() throws {
            let t = try TableCatalog.load(table)
            print("\(t.name) (\(t.technology)), clock \(t.clockMHz) MHz, \(t.integerBits + t.fractionBits)-bit fixed point")
            print(Render.pad("module", 24) + Render.pad("area um^2", 16) + Render.pad("dynamic mW", 14) + "leakage mW")
            for key in ModuleCatalog.moduleKeys {
                let c = t.module(key)
                print(Render.pad(key, 24) + Render.pad(Render.number(c.areaUM2), 16) + Render.pad(Render.number(c.dynamicMW), 14)
                    + Render.number(c.leakageMW))
            }
        }
    }
}
