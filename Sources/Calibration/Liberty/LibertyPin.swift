/// A cell pin as the calibration needs it: direction, input capacitance, logic function and
/// internal-energy tables.
package struct LibertyPin: Sendable {
    package let name: String
    package let isOutput: Bool
    /// Input capacitance in the library's capacitance unit (fF for NanGate45).
    package let capacitance: Double
    /// Boolean function of an output, in Liberty syntax.
    package let function: String?
    /// (rise, fall) tables, one pair per `internal_power` group (per related pin or `when`).
    package let internalPower: [(rise: LibertyPowerTable, fall: LibertyPowerTable)]

    init(_ g: LibertyGroup) {
        name = g.arguments.first ?? ""
        isOutput = g.attributes["direction"] == "output"
        capacitance = g.number("capacitance") ?? 0
        function = g.attributes["function"]
        internalPower = g.groups("internal_power").compactMap { p in
            guard let rise = p.groups("rise_power").first.flatMap(LibertyPowerTable.init),
                let fall = p.groups("fall_power").first.flatMap(LibertyPowerTable.init)
            else { return nil }
            return (rise, fall)
        }
    }

    /// Mean internal energy of one transition of this pin: rise and fall averaged (a toggle
    /// is either), and averaged over the groups because a toggle count does not say which
    /// input caused it.
    package func internalEnergy(transition: Double, load: Double) -> Double {
        guard !internalPower.isEmpty else { return 0 }
        let sum = internalPower.reduce(0.0) {
            $0 + ($1.rise.energy(transition: transition, load: load) + $1.fall.energy(transition: transition, load: load)) / 2
        }
        return sum / Double(internalPower.count)
    }
}
