import Foundation
import RTLGen
import RTLSim
import Toolchain

/// Synthesises a module with Yosys onto a liberty, checks the mapping, and times and powers
/// the netlist with OpenSTA (paper Section III-B5, with open tools in place of Design Compiler).
public struct SynthesisFlow: Sendable {
    public let liberty: String
    public let leakage: LibertyLeakage
    public let generator: RTLGenerator
    /// The clock OpenSTA analyses power at (the table rescales to the accelerator clock).
    public static let analysisClockMHz = 100.0

    public init(liberty: String, generator: RTLGenerator) throws {
        self.liberty = liberty
        leakage = try LibertyLeakage(path: liberty)
        self.generator = generator
    }

    /// The Yosys commands, recorded in the table's provenance.
    public static func yosysScript(source: String, top: String, liberty: String) -> String {
        """
        read_verilog -sv \(source)
        hierarchy -check -top \(top)
        synth -top \(top) -flatten
        dfflibmap -liberty \(liberty)
        abc -liberty \(liberty)
        opt_clean -purge
        tee -o stat.txt stat -liberty \(liberty)
        setundef -zero
        splitnets
        opt_clean -purge
        hilomap -hicell LOGIC1_X1 Z -locell LOGIC0_X1 Z
        insbuf -buf BUF_X1 A Z
        opt_clean -purge
        write_verilog -noattr -noexpr -nohex -nodec mapped.v
        """
    }

    /// Synthesises `variant`; `activity` is the input toggle rate for the power analysis.
    public func calibrate(_ variant: ModuleVariant, activity: Double) throws -> ModuleCalibration {
        let top = variant.moduleName
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-syn-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try generator.generate(variant, command: "transcode calibrate").write(toFile: "\(dir)/\(top).sv", atomically: true, encoding: .utf8)
        try Self.yosysScript(source: "\(top).sv", top: top, liberty: liberty).write(toFile: "\(dir)/synth.ys", atomically: true, encoding: .utf8)
        let yosys = try Toolchain.run(try Toolchain.require(.yosys), ["-q", "-s", "synth.ys"], directory: dir)
        guard yosys.status == 0 else { throw CalibrationError.synthesisFailed(module: top, log: Toolchain.excerpt(lines: 4, text: yosys.error + yosys.output)) }
        let stat = (try? String(contentsOfFile: "\(dir)/stat.txt", encoding: .utf8)) ?? ""
        if let m = stat.firstMatch(of: /Area for cell type (\S+) is unknown/) { throw CalibrationError.unknownArea(module: top, cell: String(m.1)) }
        var cells: [String: Int] = [:]
        for line in stat.split(separator: "\n") {
            if let m = line.firstMatch(of: /^\s+(\S+)\s+(\d+)\s*$/), !line.contains("Number of") {
                cells[String(m.1)] = Int(m.2)
            }
        }
        if cells.keys.contains(where: { $0.contains("DLATCH") || $0.hasPrefix("$_DLATCH") }) { throw CalibrationError.inferredLatch(module: top) }
        let unmapped = cells.keys.filter { $0.hasPrefix("$") }.sorted()
        guard unmapped.isEmpty else { throw CalibrationError.unmappedCells(module: top, cells: unmapped) }
        guard let areaMatch = stat.firstMatch(of: /Chip area for module '\\?[^']*':\s*([0-9.]+)/), let area = Double(areaMatch.1) else {
            throw CalibrationError.synthesisFailed(module: top, log: "no chip area in yosys stat")
        }
        let leakageNW = cells.reduce(0.0) { $0 + Double($1.value) * (leakage.nanowatts[$1.key] ?? 0) }
        let flipFlops = cells.filter { $0.key.hasPrefix("DFF") || $0.key.hasPrefix("SDFF") }.values.reduce(0, +)

        let periodNS = 1000 / Self.analysisClockMHz
        let sta = """
            read_liberty \(liberty)
            read_verilog mapped.v
            link_design \(top)
            create_clock -name clk -period \(periodNS) [get_ports clk]
            set_input_delay 0 -clock clk [delete_from_list [all_inputs] [get_ports clk]]
            set_output_delay 0 -clock clk [all_outputs]
            report_worst_slack -digits 4
            set_power_activity -input -activity \(activity)
            report_power -digits 8
            exit
            """
        try sta.write(toFile: "\(dir)/sta.tcl", atomically: true, encoding: .utf8)
        let run = try Toolchain.run(try Toolchain.require(.sta), ["-no_init", "-no_splash", "-exit", "sta.tcl"], directory: dir)
        let text = run.output + run.error
        guard let slackMatch = text.firstMatch(of: /worst slack\s+(-?[0-9.]+)/), let slack = Double(slackMatch.1) else {
            throw CalibrationError.timingFailed(module: top, log: Toolchain.excerpt(lines: 4, text: text))
        }
        guard let totals = text.split(separator: "\n").first(where: { $0.hasPrefix("Total") }) else {
            throw CalibrationError.timingFailed(module: top, log: "no power report: " + Toolchain.excerpt(lines: 4, text: text))
        }
        let numbers = totals.split(separator: " ").compactMap { Double($0) }
        // Total  internal  switching  leakage  total  (watts)
        let dynamicW = numbers.count >= 2 ? numbers[0] + numbers[1] : 0
        return ModuleCalibration(
            module: top, areaUM2: area, cellCount: cells.values.reduce(0, +), flipFlops: flipFlops, cells: cells,
            leakageMW: leakageNW * 1e-6, criticalPathNS: periodNS - slack, dynamicMW: dynamicW * 1e3,
            analysisClockMHz: Self.analysisClockMHz, inputActivity: activity)
    }
}

