import Foundation

/// The files that make a generated design usable by tools: a file list for Verilator and
/// Icarus, the lint waivers, a Yosys synthesis script, an SDC and a FuseSoC core. Each
/// starts with the banner in its own comment syntax.
package struct DesignPackage: Sendable {
    /// Share of the clock period given to logic outside the design on each side of it, for
    /// the SDC's input and output delays: the environment is unknown, so a fixed budget.
    package static let ioDelayFraction = 0.2
    /// The driving cell and output load of the SDC: the ones the calibration's ABC runs assume
    /// at a module's boundary (NanGate45 BUF_X1, 3 fF).
    package static let drivingCell = "BUF_X1"
    package static let outputLoadFF = 3.0

    package let naming: DesignNaming
    package let top: String
    /// SystemVerilog files in compile order.
    package let sources: [String]
    /// The SRAM module: a black box in synthesis.
    package let sram: String
    package let waivers: LintWaivers
    package let testbench: SmokeTestbench
    package let clockMHz: Double
    package let banner: String

    package var fileListName: String { "\(naming.prefix).f" }
    package var waiverName: String { "\(naming.prefix).vlt" }
    package var synthesisScriptName: String { "\(naming.prefix)_synth.tcl" }
    package var sdcName: String { "\(naming.prefix).sdc" }
    package var coreName: String { "\(naming.prefix).core" }
    /// Clock period in nanoseconds, as the SDC writes it.
    package var periodNS: Double { (1000 / clockMHz * 1000).rounded() / 1000 }

    /// Name and text of every file.
    package var files: [(name: String, text: String)] {
        [
            (fileListName, fileList), (waiverName, waivers.fileText(banner: banner)), (synthesisScriptName, synthesisScript),
            (sdcName, sdc), (coreName, core), (fuseSoCTemplateName, fuseSoCSynthesisTemplate),
            ("\(testbench.module).sv", testbench.text(banner: banner)),
        ]
    }

    /// What the manifest records about these files.
    var manifestEntry: [String: Any] {
        [
            "filelist": fileListName, "lint_waivers": waiverName, "synthesis_script": synthesisScriptName, "sdc": sdcName,
            "fusesoc_core": coreName, "fusesoc_synthesis_template": fuseSoCTemplateName, "testbench": "\(testbench.module).sv",
            "clock_mhz": clockMHz,
            "lint_waiver_count": waivers.entries.count,
        ]
    }

    /// Paths relative to the design directory: `verilator -F DIR/X.f` reads them relative to
    /// the list; Icarus (`iverilog -g2012 -c X.f`) and `verilator -f` from inside DIR.
    var fileList: String {
        ([banner, "+incdir+."] + sources).joined(separator: "\n") + "\n"
    }

    /// Yosys (`yosys -c`, Tcl, for the liberty from the environment): hierarchical synthesis
    /// onto the liberty with the SRAM as a black box; writes the netlist and the statistics.
    var synthesisScript: String {
        let commands = synthesisCommands(
            liberty: "$liberty", constraints: "\(naming.prefix)_abc.constr", macroSteps: [], statLiberties: ["$liberty"])
        return """
            \(hashBanner)
            # Run in this directory: TRANSCODE_LIBERTY=/path/to/NangateOpenCellLibrary_typical.lib yosys -c \(synthesisScriptName)
            # The SRAM is a black box: its area and timing come from a macro model ('transcode rtl synth').
            \(tclScript(commands))

            """
    }

    /// The body both Tcl scripts share: the liberty from the environment, the ABC constraints
    /// written beside the run, then `commands`.
    private func tclScript(_ commands: [String]) -> String {
        """
        yosys -import
        set liberty $::env(TRANSCODE_LIBERTY)
        set constraints [open \(naming.prefix)_abc.constr w]
        puts -nonewline $constraints "\(SynthesisRecipe.abcConstraints.replacingOccurrences(of: "\n", with: "\\n"))"
        close $constraints
        \(commands.joined(separator: "\n"))
        """
    }

    /// The Yosys commands (Tcl) of the design's synthesis, shared by the packaged script and
    /// `DesignSynthesis`: the SRAM read as a black box, `macroSteps` after `hierarchy` (where
    /// the SRAM instances become macro cells), the project's mapping recipe without
    /// flattening, statistics against `statLiberties` and an OpenSTA-ready netlist.
    /// `reads` replaces the two reading commands (FuseSoC's template reads through edalize).
    package func synthesisCommands(
        liberty: String, constraints: String, macroSteps: [String], statLiberties: [String], reads: [String]? = nil
    ) -> [String] {
        let logic = sources.filter { $0 != "\(sram).sv" }
        let read = reads ?? ["read_verilog -sv -lib \(sram).sv", "read_verilog -sv \(logic.joined(separator: " "))"]
        return read + ["hierarchy -check -top \(top)"]
            + macroSteps + SynthesisRecipe.mappingSteps(top: top, liberty: liberty, constraints: constraints, flatten: false, tcl: true)
            + [
                "tee -o \(statName) stat \(statLiberties.map { "-liberty \($0)" }.joined(separator: " ")) -top \(top)",
                "write_verilog -noattr -noexpr -nohex -nodec \(netlistName)",
            ]
    }

    /// The Yosys template of the FuseSoC `synth` target: edalize's back end runs it in its
    /// work directory, where the core's files are under `src/<core name>/`; its procedures
    /// read the logic (the SRAM's file type keeps it out), this reads the SRAM as a black box.
    var fuseSoCSynthesisTemplate: String {
        let reads = [
            "source edalize_yosys_procs.tcl", "set_defines", "set_incdirs", "read_files",
            "read_verilog -sv -lib \(fuseSoCSourceDirectory)/\(sram).sv",
        ]
        let commands = synthesisCommands(
            liberty: "$liberty", constraints: "\(naming.prefix)_abc.constr", macroSteps: [], statLiberties: ["$liberty"], reads: reads)
        return """
            \(hashBanner)
            # FuseSoC 'synth' target (fusesoc run --target synth): needs TRANSCODE_LIBERTY, as \(synthesisScriptName) does.
            \(tclScript(commands))

            """
    }

    /// The core's VLNV name and where FuseSoC puts its files, relative to the work directory.
    var coreVLNV: String { "transcode:elector:\(naming.prefix):\(RTLGenerator.version)" }
    var fuseSoCSourceDirectory: String { "src/" + coreVLNV.replacingOccurrences(of: ":", with: "_") }
    package var fuseSoCTemplateName: String { "\(naming.prefix)_fusesoc_synth.tcl" }

    /// Files the synthesis script writes.
    package var statName: String { "\(naming.prefix)_stat.txt" }
    package var netlistName: String { "\(naming.prefix)_netlist.v" }

    /// Clock on `clk`, input and output delays, driving cell and load (OpenSTA's SDC).
    var sdc: String {
        let io = (periodNS * Self.ioDelayFraction * 1000).rounded() / 1000
        return """
            \(hashBanner)
            # Clock \(clockMHz) MHz; inputs arrive and outputs leave \(Int(Self.ioDelayFraction * 100))% of the period from the edge.
            create_clock -name clk -period \(periodNS) [get_ports clk]
            set_input_delay \(io) -clock clk [delete_from_list [all_inputs] [get_ports clk]]
            set_output_delay \(io) -clock clk [all_outputs]
            set_driving_cell -lib_cell \(Self.drivingCell) -pin Z [delete_from_list [all_inputs] [get_ports clk]]
            set_load \(Self.outputLoadFF) [all_outputs]

            """
    }

    /// FuseSoC CAPI2 core: filesets rtl, waivers, tb, constraints, and for synthesis the logic
    /// alone and the SRAM black box with the Yosys template; targets lint, sim, synth.
    var core: String {
        let list = sources.map { "      - \($0)" }.joined(separator: "\n")
        let logicList = sources.filter { $0 != "\(sram).sv" }.map { "      - \($0)" }.joined(separator: "\n")
        return """
            CAPI=2:
            \(hashBanner)
            name: \(coreVLNV)
            description: ELECTOR accelerator \(naming.prefix) generated by TransCODE-Swift

            filesets:
              rtl:
                files:
            \(list)
                file_type: systemVerilogSource
              waivers:
                files:
                  - \(waiverName): {file_type: vlt}
              logic:
                files:
            \(logicList)
                file_type: systemVerilogSource
              sram_blackbox:
                files:
                  - \(sram).sv: {file_type: user}
                  - \(fuseSoCTemplateName): {file_type: user}
              constraints:
                files:
                  - \(sdcName): {file_type: SDC}
              tb:
                files:
                  - \(testbench.module).sv
                file_type: systemVerilogSource

            targets:
              default: &default
                filesets: [rtl]
                toplevel: \(top)
              lint:
                <<: *default
                default_tool: verilator
                filesets: [waivers, rtl]
                tools:
                  verilator:
                    mode: lint-only
                    verilator_options: [-Wall]
              sim:
                default_tool: icarus
                filesets: [rtl, tb]
                toplevel: \(testbench.module)
                tools:
                  icarus:
                    iverilog_options: [-g2012]
              synth:
                <<: *default
                default_tool: yosys
                filesets: [logic, sram_blackbox, constraints]
                tools:
                  yosys:
                    arch: generic
                    yosys_template: \(fuseSoCSourceDirectory)/\(fuseSoCTemplateName)

            """
    }

    /// The banner as `#` comments (Tcl, SDC, YAML).
    package var hashBanner: String {
        banner.split(separator: "\n").map { "#" + $0.dropFirst(2) }.joined(separator: "\n")
    }
}
