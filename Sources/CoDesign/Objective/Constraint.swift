/// A user limit on a design point, e.g. `layers<=6`, `area<=100` (mm^2), `latency<=0.5`
/// (ms per sequence), `energy<=0.01` (J per sequence), `accuracy>=0.78` (GLUE, stored scale).
package struct Constraint: Sendable, Equatable, Codable, CustomStringConvertible {
    package enum Quantity: String, Sendable, Codable, CaseIterable {
        case layers, area, latency, energy, accuracy
    }

    package let quantity: Quantity
    package let atMost: Bool
    package let bound: Double

    package var description: String { "\(quantity.rawValue)\(atMost ? "<=" : ">=")\(bound)" }

    package static func parse(_ text: String) throws -> Constraint {
        let compact = text.replacingOccurrences(of: " ", with: "")
        for (symbol, atMost) in [("<=", true), (">=", false)] {
            let parts = compact.components(separatedBy: symbol)
            guard parts.count == 2 else { continue }
            guard let quantity = Quantity(rawValue: parts[0]) else {
                throw CoDesignError.invalidConstraint(
                    text: text,
                    reason: "unknown quantity '\(parts[0])': use one of \(Quantity.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let bound = Double(parts[1]), bound.isFinite else {
                throw CoDesignError.invalidConstraint(text: text, reason: "'\(parts[1])' is not a number")
            }
            // Layers, area, latency and energy are positive for every design, so an upper bound
            // at or below zero can never be met: refuse it now rather than after a whole run.
            if atMost && bound <= 0 && quantity != .accuracy {
                throw CoDesignError.invalidConstraint(
                    text: text, reason: "no design has \(quantity.rawValue) <= \(parts[1]): \(quantity.rawValue) is always greater than 0")
            }
            return Constraint(quantity: quantity, atMost: atMost, bound: bound)
        }
        throw CoDesignError.invalidConstraint(text: text, reason: "expected QUANTITY<=NUMBER or QUANTITY>=NUMBER, e.g. layers<=6")
    }

    /// Whether `value` of this constraint's quantity satisfies it.
    package func allows(_ value: Double) -> Bool { atMost ? value <= bound : value >= bound }
}
