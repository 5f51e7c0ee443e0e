/// One `rise_power` or `fall_power` lookup table of a Liberty `internal_power` group: energy
/// per transition (in the library's capacitance x voltage^2 unit, femtojoules for NanGate45),
/// indexed by input transition time and, for output pins, by the load on the output.
package struct LibertyPowerTable: Sendable {
    package let transitions: [Double]
    package let loads: [Double]
    /// values[transition][load]; a one-dimensional table has one column.
    package let values: [[Double]]

    init?(_ g: LibertyGroup) {
        guard let rows = g.numbers("values"), !rows.isEmpty, !rows[0].isEmpty else { return nil }
        let index1 = g.numbers("index_1")?.first ?? []
        let index2 = g.numbers("index_2")?.first ?? []
        if rows.count == 1 && index2.isEmpty {
            // One row indexed by index_1 (transition): store it as a column.
            transitions = index1.isEmpty ? [0] : index1
            loads = [0]
            values = rows[0].map { [$0] }
        } else {
            transitions = index1.isEmpty ? [0] : index1
            loads = index2.isEmpty ? [0] : index2
            values = rows
        }
        guard values.count == transitions.count, values.allSatisfy({ $0.count == loads.count }) else { return nil }
    }

    /// Bilinear interpolation, clamped to the table's range (no extrapolation beyond characterised points).
    package func energy(transition: Double, load: Double) -> Double {
        func bracket(_ axis: [Double], _ x: Double) -> (Int, Int, Double) {
            guard axis.count > 1 else { return (0, 0, 0) }
            let v = min(max(x, axis[0]), axis[axis.count - 1])
            var k = 0
            while k < axis.count - 2 && v > axis[k + 1] { k += 1 }
            let span = axis[k + 1] - axis[k]
            return (k, k + 1, span > 0 ? (v - axis[k]) / span : 0)
        }
        let (t0, t1, ft) = bracket(transitions, transition)
        let (l0, l1, fl) = bracket(loads, load)
        let low = values[t0][l0] * (1 - fl) + values[t0][l1] * fl
        let high = values[t1][l0] * (1 - fl) + values[t1][l1] * fl
        return low * (1 - ft) + high * ft
    }
}
