import Foundation
import HardwareModules
import RTLGen
import RTLSim
import Toolchain

/// Synthesises a module with Yosys onto a liberty, checks the mapping, times the netlist
/// with OpenSTA, and simulates the mapped netlist in Icarus Verilog on realistic stimulus: its
/// outputs must equal the RTL's, and its per-net toggle counts give the dynamic energy
/// (paper Section III-B5, with open tools in place of Design Compiler).
package struct SynthesisFlow: Sendable {
    package let library: LibertyLibrary
    package let generator: RTLGenerator
    package let simulator: RTLSimulator

    /// The ABC recipe, its delay target and boundary constraints (see `SynthesisRecipe`).
    package static let abcScript = SynthesisRecipe.abcScript
    package static let delayTargetPS = SynthesisRecipe.delayTargetPS
    package static let abcConstraints = SynthesisRecipe.abcConstraints

    /// Version of what this flow computes, part of every cache key: bump it when synthesis,
    /// timing, the stimulus or the energy arithmetic change, so stale cached results are
    /// not reused.
    package static let version = 2

    package init(liberty: String, generator: RTLGenerator) throws {
        library = try LibertyLibrary(path: liberty)
        self.generator = generator
        simulator = RTLSimulator(engine: .verilator, library: generator.library)
    }

    package var liberty: String { library.path }

    /// The Yosys commands, recorded in the table's provenance. The fast mapping keeps the
    /// multiplier-heavy modules (layer-norm, softmax) to a minute instead of tens of minutes
    /// in ABC's fraiging, at about 2% more area on the modules where both were measured.
    package static func yosysScript(source: String, top: String, liberty: String) -> String {
        """
        read_verilog -sv \(source)
        hierarchy -check -top \(top)
        \(SynthesisRecipe.mappingSteps(top: top, liberty: liberty, constraints: "abc.constr", flatten: true).joined(separator: "\n"))
        rename -hide w:* x:* %d
        tee -o stat.txt stat -liberty \(liberty)
        write_verilog -noattr -noexpr -nohex -nodec mapped.v
        """
    }

    /// The OpenSTA commands: worst slack against a 10 ns clock with the ports at the clock edge.
    static func staScript(top: String, liberty: String, periodNS: Double) -> String {
        """
        read_liberty \(liberty)
        read_verilog mapped.v
        link_design \(top)
        create_clock -name clk -period \(periodNS) [get_ports clk]
        set_input_delay 0 -clock clk [delete_from_list [all_inputs] [get_ports clk]]
        set_output_delay 0 -clock clk [all_outputs]
        report_worst_slack -digits 4
        exit
        """
    }

    /// Synthesises `variant`, times it and measures its energy on `stimulus`.
    package func calibrate(_ variant: ModuleVariant, stimulus: [BitVector]) throws -> ModuleCalibration {
        try calibrate(variant, rtl: try generator.generate(variant, command: "transcode calibrate"), stimulus: stimulus)
    }

    /// The same for RTL already generated from `variant` (the cache hashes it first).
    func calibrate(_ variant: ModuleVariant, rtl: String, stimulus: [BitVector]) throws -> ModuleCalibration {
        let top = variant.moduleName
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-syn-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try rtl.write(toFile: "\(dir)/\(top).sv", atomically: true, encoding: .utf8)
        try Self.abcConstraints.write(toFile: "\(dir)/abc.constr", atomically: true, encoding: .utf8)
        try Self.yosysScript(source: "\(top).sv", top: top, liberty: liberty).write(
            toFile: "\(dir)/synth.ys", atomically: true, encoding: .utf8)
        let yosys = try Toolchain.run(try Toolchain.require(.yosys), ["-q", "-s", "synth.ys"], directory: dir)
        guard yosys.status == 0 else {
            throw CalibrationError.synthesisFailed(module: top, log: Toolchain.excerpt(lines: 4, text: yosys.error + yosys.output))
        }
        let stat = (try? String(contentsOfFile: "\(dir)/stat.txt", encoding: .utf8)) ?? ""
        let cells = try Self.checkedCells(stat: stat, module: top)
        guard let areaMatch = stat.firstMatch(of: /Chip area for module '\\?[^']*':\s*([0-9.]+)/), let area = Double(areaMatch.1) else {
            throw CalibrationError.synthesisFailed(module: top, log: "no chip area in yosys stat")
        }
        // Summed in name order: dictionary order varies per process and would change the last digits.
        let leakageNW = cells.keys.sorted().reduce(0.0) { $0 + Double(cells[$1]!) * (library.cells[$1]?.leakageNW ?? 0) }
        let flipFlops = cells.filter { library.cells[$0.key]?.flipFlop != nil }.values.reduce(0, +)

        let periodNS = 10.0
        try Self.staScript(top: top, liberty: liberty, periodNS: periodNS).write(
            toFile: "\(dir)/sta.tcl", atomically: true, encoding: .utf8)
        let run = try Toolchain.run(try Toolchain.require(.sta), ["-no_init", "-no_splash", "-exit", "sta.tcl"], directory: dir)
        let text = run.output + run.error
        guard let slackMatch = text.firstMatch(of: /worst slack\s+(-?[0-9.]+)/), let slack = Double(slackMatch.1) else {
            throw CalibrationError.timingFailed(module: top, log: Toolchain.excerpt(lines: 4, text: text))
        }

        let mapped = try String(contentsOfFile: "\(dir)/mapped.v", encoding: .utf8)
        let energy = try gateLevelEnergy(variant, rtl: rtl, netlist: mapped, cells: Array(cells.keys), stimulus: stimulus)
        return ModuleCalibration(
            module: top, areaUM2: area, cellCount: cells.values.reduce(0, +), flipFlops: flipFlops, cells: cells,
            leakageMW: leakageNW * 1e-6, criticalPathNS: periodNS - slack, energy: energy,
            inputActivity: CalibrationStimulus.inputToggleRate(stimulus))
    }

    /// The liberty cells of a Yosys `stat`, refusing unknown-area cells, latches and
    /// anything Yosys left unmapped.
    static func checkedCells(stat: String, module: String) throws -> [String: Int] {
        if let m = stat.firstMatch(of: /Area for cell type (\S+) is unknown/) {
            throw CalibrationError.unknownArea(module: module, cell: String(m.1))
        }
        var cells: [String: Int] = [:]
        for line in stat.split(separator: "\n") {
            if let m = line.firstMatch(of: /^\s+(\S+)\s+(\d+)\s*$/), !line.contains("Number of") {
                cells[String(m.1)] = Int(m.2)
            }
        }
        if cells.keys.contains(where: { $0.contains("DLATCH") || $0.hasPrefix("DLH") || $0.hasPrefix("DLL") }) {
            throw CalibrationError.inferredLatch(module: module)
        }
        let unmapped = cells.keys.filter { $0.hasPrefix("$") }.sorted()
        guard unmapped.isEmpty else { throw CalibrationError.unmappedCells(module: module, cells: unmapped) }
        return cells
    }

    /// Runs RTL and netlist on the same stimulus; the netlist must reproduce the RTL's
    /// outputs cycle for cycle, and its toggle counts give the energy.
    func gateLevelEnergy(_ variant: ModuleVariant, rtl: String, netlist: String, cells: [String], stimulus: [BitVector]) throws
        -> GateLevelEnergy
    {
        let top = variant.moduleName
        let layout = ModuleHarness(variant: variant, format: generator.format).layout
        let drain = 8
        let reference = try simulator.run(top: top, sources: ["\(top).sv": rtl], layout: layout, stimulus: stimulus, drain: drain)
        let models = try CellModelWriter.models(of: cells, library: library, module: top)
        let gates = try simulator.runDumpingWaves(
            top: top, sources: ["mapped.v": netlist, "cells.v": models], layout: layout, stimulus: stimulus, drain: drain)
        for (r, g) in zip(reference, gates.samples) where r.cycle != g.cycle || r.outputs != g.outputs || g.hasUnknownBits {
            throw CalibrationError.netlistMismatch(module: top, cycle: min(r.cycle, g.cycle))
        }
        guard reference.count == gates.samples.count else {
            throw CalibrationError.netlistMismatch(module: top, cycle: min(reference.last?.cycle ?? 0, gates.samples.last?.cycle ?? 0))
        }
        return GateLevelEnergy(
            netlist: GateNetlist(verilog: netlist, cells: Set(cells)), toggles: ToggleCounts(vcd: gates.vcd),
            library: library, cycles: stimulus.count)
    }
}
