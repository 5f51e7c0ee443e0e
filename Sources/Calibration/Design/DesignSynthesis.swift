import CostModel
import DesignSpace
import Foundation
import RTLGen
import Toolchain

/// Synthesises a whole generated design with Yosys onto the liberty, hierarchically (each
/// module mapped once with the calibration's recipe), with the SRAMs as black-box macros
/// (`SRAMMacroModel`), and times its PE and its top with OpenSTA against the design's SDC.
package struct DesignSynthesis: Sendable {
    package let library: LibertyLibrary
    package let model: SRAMMacroModel

    package init(library: LibertyLibrary, model: SRAMMacroModel) {
        self.library = library
        self.model = model
    }

    /// Writes `design` into `directory` and synthesises it there; the netlist, statistics,
    /// macro liberty and logs stay in the directory.
    package func run(_ design: GeneratedDesign, directory: String) throws -> DesignSynthesisReport {
        try design.write(to: directory)
        let pkg = design.packaging
        let sram = pkg.sram
        let pe = pkg.naming.module("pe")
        let macros = try sramMacros(design, directory: directory)
        let banner =
            "/* " + pkg.banner.replacingOccurrences(of: "\n", with: "\n   ") + "\n   SRAM macro models of 'transcode rtl synth'. */\n"
        try write(banner + model.liberty(macros), to: "\(directory)/\(pkg.naming.prefix)_sram_macros.lib")
        try write(SynthesisRecipe.abcConstraints, to: "\(directory)/abc.constr")
        let macroSteps = macros.flatMap { m in
            ["chtype -set \(m.name) t:\(sram) r:WIDTH=\(m.width) %i r:DEPTH=\(m.depth) %i"]
                + ["WIDTH", "DEPTH", "AW"].map { "setparam -unset \($0) t:\(m.name)" }
        }
        let commands = pkg.synthesisCommands(
            liberty: library.path, constraints: "abc.constr", macroSteps: macroSteps, statLiberties: [library.path])
        let script =
            [pkg.hashBanner, "yosys -import", "read_liberty -lib \(pkg.naming.prefix)_sram_macros.lib"] + commands
        try write(script.joined(separator: "\n") + "\n", to: "\(directory)/synth_run.tcl")
        let start = Date()
        let yosys = try Toolchain.run(
            try Toolchain.require(.yosys), ["-q", "-l", "yosys.log", "-c", "synth_run.tcl"], directory: directory)
        let seconds = Date().timeIntervalSince(start)
        guard yosys.status == 0 else {
            throw CalibrationError.synthesisFailed(module: design.top, log: Toolchain.excerpt(lines: 4, text: yosys.error + yosys.output))
        }
        let stat = try String(contentsOfFile: "\(directory)/\(pkg.statName)", encoding: .utf8)
        let hierarchy = try DesignStatistics(stat: stat, macros: Set(macros.map(\.name)), library: library)
        let topTotals = hierarchy.totals(of: design.top)
        let peTotals = hierarchy.totals(of: pe)
        let sdc = pkg.sdcName
        let peTiming = try time(pe, netlist: pkg.netlistName, sdc: sdc, directory: directory)
        let topTiming = try time(
            design.top, netlist: pkg.netlistName, sdc: sdc, directory: directory, sramInstances: macros.flatMap(\.instances))
        return DesignSynthesisReport(
            top: design.top, pe: pe, peCount: topTotals.instances[pe] ?? 0, peLogicAreaUM2: peTotals.areaUM2,
            topLogicAreaUM2: topTotals.areaUM2, topCells: topTotals.cells,
            macros: macros.map { ($0, topTotals.instances[$0.name] ?? 0) },
            peTiming: peTiming.worst, topTiming: topTiming.worst, sramReadTiming: topTiming.sramRead,
            logicLeakageMW: topTotals.leakageNW * 1e-6, synthesisSeconds: seconds)
    }

    /// The design's SRAM shapes: Yosys elaborates the hierarchy and lists the SRAM instances
    /// with their parameters; the ports come from the SRAM module's declaration.
    func sramMacros(_ design: GeneratedDesign, directory: String) throws -> [SRAMMacro] {
        let pkg = design.packaging
        let sram = pkg.sram
        let logic = pkg.sources.filter { $0 != "\(sram).sv" }
        let script = [
            "read_verilog -sv -lib \(sram).sv", "read_verilog -sv \(logic.joined(separator: " "))",
            "hierarchy -check -top \(design.top)", "tee -q -o sram_instances.txt dump t:\(sram)",
        ]
        let r = try Toolchain.run(try Toolchain.require(.yosys), ["-q", "-p", script.joined(separator: "; ")], directory: directory)
        guard r.status == 0 else {
            throw CalibrationError.synthesisFailed(module: design.top, log: Toolchain.excerpt(lines: 4, text: r.error + r.output))
        }
        let dump = try String(contentsOfFile: "\(directory)/sram_instances.txt", encoding: .utf8)
        var shapes: [[Int]: [String]] = [:]
        for block in dump.split(separator: "\n  cell ").dropFirst() {
            let name = block.split(separator: "\n").first?.split(separator: " ").last.map { String($0.dropFirst()) } ?? ""
            var parameters: [String: Int] = [:]
            for m in block.matches(of: /parameter (?:signed )?\\(\w+) (\d+)/) { parameters[String(m.1)] = Int(m.2) }
            let shape = [parameters["WIDTH"] ?? 0, parameters["DEPTH"] ?? 0, parameters["AW"] ?? 0]
            shapes[shape, default: []].append(name)
        }
        let text = design.files.first { $0.name == "\(sram).sv" }?.text ?? ""
        return try shapes.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { shape in
            let values = ["WIDTH": shape[0], "DEPTH": shape[1], "AW": shape[2]]
            return model.macro(
                name: "\(sram)_w\(shape[0])_d\(shape[1])", width: shape[0], depth: shape[1], addressBits: shape[2],
                ports: try Self.ports(of: text, module: sram, parameters: values), instances: shapes[shape]!.sorted())
        }
    }

    /// The ports of the SRAM module, widths resolved with `parameters`.
    static func ports(of text: String, module: String, parameters: [String: Int]) throws -> [SRAMMacro.Port] {
        try text.split(separator: "\n").filter { $0.firstMatch(of: /^\s*(input|output)\b/) != nil }.map { line in
            guard let m = line.wholeMatch(of: /\s*(input|output)\s+(?:wire\s+)?(?:logic\s+)?(?:\[(\w+)-1:0\])?\s*(\w+)\s*,?\s*/),
                m.2 == nil || parameters[String(m.2!)] != nil
            else { throw CalibrationError.unreadableSRAMPort(module: module, line: line.trimmingCharacters(in: .whitespaces)) }
            return SRAMMacro.Port(name: String(m.3), isOutput: m.1 == "output", width: m.2.map { parameters[String($0)]! } ?? 1)
        }
    }

    /// OpenSTA on `module` of the netlist, with the design's SDC: its worst path, and with
    /// `sramInstances` the worst path that starts at one of them (an SRAM read).
    func time(_ module: String, netlist: String, sdc: String, directory: String, sramInstances: [String] = []) throws
        -> (worst: DesignSynthesisReport.Timing, sramRead: DesignSynthesisReport.Timing?)
    {
        let macros = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix("_sram_macros.lib") }
        let marker = "=== paths from the SRAM macros ==="
        var script =
            (["read_liberty \(library.path)"] + macros.map { "read_liberty \($0)" }) + [
                "read_verilog \(netlist)", "link_design \(module)", "read_sdc \(sdc)",
                "report_checks -path_delay max -digits 4", "report_worst_slack -digits 4",
            ]
        if !sramInstances.isEmpty {
            script += [
                "puts \"\(marker)\"",
                "report_checks -path_delay max -digits 4 -from [get_cells -hierarchical {\(sramInstances.joined(separator: " "))}]",
            ]
        }
        try write((script + ["exit"]).joined(separator: "\n") + "\n", to: "\(directory)/sta_\(module).tcl")
        let run = try Toolchain.run(
            try Toolchain.require(.sta), ["-no_init", "-no_splash", "-exit", "sta_\(module).tcl"], directory: directory)
        let text = run.output + run.error
        try write(text, to: "\(directory)/sta_\(module).log")
        let parts = text.components(separatedBy: marker)
        guard let slack = text.firstMatch(of: /worst slack\s+(-?[0-9.]+)/).flatMap({ Double($0.1) }),
            let period = periodFromSDC(directory: directory, sdc: sdc), let worst = Self.worstPath(parts[0])
        else { throw CalibrationError.timingFailed(module: module, log: Toolchain.excerpt(lines: 4, text: text)) }
        let sram = parts.count > 1 ? Self.worstPath(parts[1]) : nil
        if !sramInstances.isEmpty && sram == nil {
            throw CalibrationError.timingFailed(
                module: module, log: "no timed path from the SRAM macros: " + Toolchain.excerpt(lines: 4, text: text))
        }
        return (
            .init(module: module, periodNS: period, slackNS: slack, startpoint: worst.start, endpoint: worst.end),
            sram.map { .init(module: module, periodNS: period, slackNS: $0.slack, startpoint: $0.start, endpoint: $0.end) }
        )
    }

    /// The path of smallest slack in a `report_checks` text (one path per path group: the
    /// clock's and the asynchronous resets').
    static func worstPath(_ text: String) -> (slack: Double, start: String, end: String)? {
        text.split(separator: "Startpoint: ").dropFirst().compactMap { block -> (slack: Double, start: String, end: String)? in
            guard let s = block.firstMatch(of: /(-?[0-9.]+)\s+slack \(/).flatMap({ Double($0.1) }),
                let end = block.firstMatch(of: /Endpoint: (\S+)/)
            else { return nil }
            return (s, String(block.prefix { !$0.isWhitespace }), String(end.1))
        }.min { $0.slack < $1.slack }
    }

    private func periodFromSDC(directory: String, sdc: String) -> Double? {
        let text = (try? String(contentsOfFile: "\(directory)/\(sdc)", encoding: .utf8)) ?? ""
        return text.firstMatch(of: /-period ([0-9.]+)/).flatMap { Double($0.1) }
    }

    private func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw CalibrationError.unreadableFile(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}

extension DesignSynthesis {
    /// The flow for `liberty`, with SRAM figures from `table` and `memoryModels`.
    package init(liberty: String, table: HardwareTable, memoryModels: String) throws {
        let library = try LibertyLibrary(path: liberty)
        self.init(
            library: library, model: SRAMMacroModel(table: table, memory: try MemoryModels.load(path: memoryModels), library: library))
    }

    /// Generates `config` with `options` and synthesises it in `directory`.
    package func run(
        _ config: AcceleratorConfig, generator: RTLGenerator, options: DesignOptions, command: String, directory: String
    ) throws -> DesignSynthesisReport {
        try run(try generator.generate(config, command: command, options: options), directory: directory)
    }
}
