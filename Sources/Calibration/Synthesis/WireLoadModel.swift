/// A Liberty `wire_load` model: estimated wire capacitance from a net's fanout, used before
/// placement (the library's `default_wire_load`).
package struct WireLoadModel: Sendable {
    package let name: String
    /// Capacitance per unit length.
    package let capacitancePerLength: Double
    /// Length per extra fanout beyond the table.
    package let slope: Double
    /// Length by fanout.
    package let lengths: [Int: Double]

    init?(_ g: LibertyGroup) {
        guard let c = g.number("capacitance") else { return nil }
        name = g.arguments.first ?? ""
        capacitancePerLength = c
        slope = g.number("slope") ?? 0
        var table: [Int: Double] = [:]
        for args in g.complexAttributes["fanout_length"] ?? [] where args.count == 2 {
            if let fanout = Int(args[0]), let length = Double(args[1]) { table[fanout] = length }
        }
        lengths = table
    }

    /// Wire capacitance of a net with `fanout` loads.
    package func capacitance(fanout: Int) -> Double {
        guard fanout > 0 else { return 0 }
        if let l = lengths[fanout] { return l * capacitancePerLength }
        let largest = lengths.keys.max() ?? 0
        let base = lengths[largest] ?? 0
        return (base + Double(fanout - largest) * slope) * capacitancePerLength
    }
}
