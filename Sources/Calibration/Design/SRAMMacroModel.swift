import CostModel

/// The figures of SRAM black boxes: area and leakage per megabyte from the hardware table's
/// buffers (the scaled FinCACTI figures, see data/memory-models.json), access time and
/// set-up from the declared and cited factors `sram_clock_to_q_ns` and `sram_setup_ns`.
package struct SRAMMacroModel: Sendable {
    package let buffers: [String: BufferCost]
    package let clockToQNS: Double
    package let setupNS: Double
    /// Input pin capacitance of the macro, fF: a NanGate45 DFF_X1 D pin (the liberty's), as
    /// the macro's inputs end in registers.
    package let pinCapacitanceFF: Double
    /// Output slew the macro drives, ns: the liberty's smallest characterised transition
    /// would be a guess as well; a fixed, declared value keeps paths from it comparable.
    package static let outputTransitionNS = 0.1
    /// Citations of the timing figures, for the report.
    package let citations: [String: String]

    package init(table: HardwareTable, memory: MemoryModels, library: LibertyLibrary) {
        buffers = table.buffers
        clockToQNS = memory.factor("sram_clock_to_q_ns")
        setupNS = memory.factor("sram_setup_ns")
        pinCapacitanceFF = library.cells["DFF_X1"]?.pin("D")?.capacitance ?? 1.0
        citations = [
            "sram_clock_to_q_ns": memory.factors["sram_clock_to_q_ns"]?.citation ?? "",
            "sram_setup_ns": memory.factors["sram_setup_ns"]?.citation ?? "",
        ]
    }

    /// Which buffer an instance is, from its name; the activation buffer's figures otherwise.
    static func kind(of instance: String) -> String {
        for kind in ["activation", "weight", "mask"] where instance.contains(kind) { return kind }
        return "activation"
    }

    /// The macro for a shape used by `instances`.
    func macro(name: String, width: Int, depth: Int, addressBits: Int, ports: [SRAMMacro.Port], instances: [String]) -> SRAMMacro {
        let kind = Self.kind(of: instances.first ?? "")
        let cost = buffers[kind] ?? buffers.values.first!
        let megabytes = Double(width * depth) / 8 / 1_048_576
        return SRAMMacro(
            name: name, width: width, depth: depth, addressBits: addressBits, kind: kind, ports: ports, instances: instances,
            areaUM2: cost.areaUM2PerMB * megabytes, leakageMW: cost.leakageMWPerMB * megabytes)
    }

    /// A liberty library with one cell per macro: area, leakage, a clock pin, set-up checks
    /// on every input and clock-to-output arcs on every output, so OpenSTA times paths into
    /// and out of the SRAMs.
    func liberty(_ macros: [SRAMMacro]) -> String {
        func scalar(_ v: Double) -> String { "(scalar) { values (\"\(v)\"); }" }
        var lines = [
            "library (transcode_sram_macros) {", "  delay_model : table_lookup;", "  time_unit : \"1ns\";",
            "  voltage_unit : \"1V\";", "  current_unit : \"1mA\";", "  capacitive_load_unit (1, ff);",
            "  leakage_power_unit : \"1nW\";", "  pulling_resistance_unit : \"1kohm\";", "  nom_voltage : 1.1;",
            "  nom_temperature : 25;", "  nom_process : 1;",
        ]
        for edge in ["rise", "fall"] {
            lines += [
                "  input_threshold_pct_\(edge) : 50;", "  output_threshold_pct_\(edge) : 50;",
                "  slew_lower_threshold_pct_\(edge) : 30;", "  slew_upper_threshold_pct_\(edge) : 70;",
            ]
        }
        let widths = Set(macros.flatMap { $0.ports.filter { $0.width > 1 }.map(\.width) }).sorted()
        for w in widths {
            lines.append(
                "  type (bus_\(w)) { base_type : array; data_type : bit; bit_width : \(w); bit_from : \(w - 1); bit_to : 0; downto : true; }"
            )
        }
        for m in macros {
            lines += [
                "  cell (\(m.name)) {", "    area : \(m.areaUM2);", "    dont_use : true;", "    dont_touch : true;",
                "    cell_leakage_power : \(m.leakageMW * 1e6);",
            ]
            for p in m.ports {
                let head = p.width > 1 ? "    bus (\(p.name)) { bus_type : bus_\(p.width);" : "    pin (\(p.name)) {"
                if p.isClock {
                    lines.append("\(head) direction : input; capacitance : \(pinCapacitanceFF); clock : true; }")
                } else if p.isOutput {
                    lines.append("\(head) direction : output;")
                    lines.append(
                        "      timing () { related_pin : \"clk\"; timing_type : rising_edge; cell_rise \(scalar(clockToQNS)) cell_fall \(scalar(clockToQNS)) rise_transition \(scalar(Self.outputTransitionNS)) fall_transition \(scalar(Self.outputTransitionNS)) }"
                    )
                    lines.append("    }")
                } else {
                    lines.append("\(head) direction : input; capacitance : \(pinCapacitanceFF);")
                    lines.append(
                        "      timing () { related_pin : \"clk\"; timing_type : setup_rising; rise_constraint \(scalar(setupNS)) fall_constraint \(scalar(setupNS)) }"
                    )
                    lines.append("    }")
                }
            }
            lines.append("  }")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
