/// Dynamic energy of a mapped netlist from simulated toggle counts and the Liberty library:
/// switching energy 1/2 C V^2 per transition of each net (pin loads plus the default
/// wire-load estimate), plus each cell pin's internal energy per transition from its
/// `internal_power` tables (including flip-flop clock pins, which toggle twice a cycle).
///
/// Limits: zero-delay simulation counts no glitches (real designs toggle more); internal
/// energy uses one nominal input transition time and averages over the related pins;
/// wires come from the wire-load model, not from placement.
package struct GateLevelEnergy: Sendable, Codable, Equatable {
    /// Femtojoules per simulated cycle.
    package var switchingFJPerCycle: Double
    package var internalFJPerCycle: Double
    /// Mean transitions per net per cycle over the netlist's nets.
    package var netToggleRate: Double
    package var cycles: Int

    enum CodingKeys: String, CodingKey {
        case switchingFJPerCycle = "switching_fj_per_cycle"
        case internalFJPerCycle = "internal_fj_per_cycle"
        case netToggleRate = "net_toggle_rate"
        case cycles
    }

    /// Input transition time at which internal-energy tables are read, ns: a typical output
    /// slew of an X1 NanGate45 gate at fanout 2 to 4.
    package static let nominalTransitionNS = 0.02

    /// `cycles` is the number of stimulus cycles: energy spent draining the pipeline after
    /// the last input belongs to those inputs.
    package init(netlist: GateNetlist, toggles: ToggleCounts, library: LibertyLibrary, cycles stimulusCycles: Int) {
        var load: [String: Double] = [:]
        var fanout: [String: Int] = [:]
        for instance in netlist.instances {
            guard let cell = library.cells[instance.cell] else { continue }
            for pinName in instance.connections.keys.sorted() {
                let net = instance.connections[pinName]!
                guard let pin = cell.pin(pinName), !pin.isOutput else { continue }
                load[net, default: 0] += pin.capacitance
                fanout[net, default: 0] += 1
            }
        }
        func capacitance(_ net: String) -> Double {
            (load[net] ?? 0) + (library.wireLoad?.capacitance(fanout: fanout[net] ?? 0) ?? 0)
        }
        let cycles = max(stimulusCycles, 1)
        let v2 = library.voltage * library.voltage
        var switching = 0.0
        var transitions = 0
        var nets = 0
        // Nets and pins in a fixed order: dictionary order varies per process and would change
        // the sums' last digits from run to run.
        for net in toggles.toggles.keys.sorted() where load[net] != nil {
            let t = toggles.toggles[net]!
            switching += Double(t) * 0.5 * capacitance(net) * v2
            transitions += t
            nets += 1
        }
        var internalEnergy = 0.0
        for instance in netlist.instances {
            guard let cell = library.cells[instance.cell] else { continue }
            for pinName in instance.connections.keys.sorted() {
                let net = instance.connections[pinName]!
                guard let pin = cell.pin(pinName), !pin.internalPower.isEmpty, let t = toggles.toggles[net] else { continue }
                let e = pin.internalEnergy(transition: Self.nominalTransitionNS, load: pin.isOutput ? capacitance(net) : 0)
                internalEnergy += Double(t) * e
            }
        }
        switchingFJPerCycle = switching / Double(cycles)
        internalFJPerCycle = internalEnergy / Double(cycles)
        netToggleRate = nets == 0 ? 0 : Double(transitions) / Double(nets) / Double(cycles)
        self.cycles = cycles
    }

    /// Total dynamic energy per cycle, femtojoules.
    package var totalFJPerCycle: Double { switchingFJPerCycle + internalFJPerCycle }

    /// Dynamic power in milliwatts at `clockMHz` (fJ x MHz = 1e-9 W).
    package func milliwatts(atMHz clockMHz: Double) -> Double { totalFJPerCycle * clockMHz * 1e-6 }
}
