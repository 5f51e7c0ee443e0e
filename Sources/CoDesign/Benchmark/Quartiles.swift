/// Median and interquartile range of a sample (linear interpolation between order statistics).
package struct Quartiles: Sendable, Equatable, Codable {
    package let lower: Double
    package let median: Double
    package let upper: Double

    /// Nil for an empty sample.
    package init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        func at(_ q: Double) -> Double {
            let position = q * Double(s.count - 1)
            let i = Int(position.rounded(.down))
            let j = min(i + 1, s.count - 1)
            return s[i] + (position - Double(i)) * (s[j] - s[i])
        }
        lower = at(0.25)
        median = at(0.5)
        upper = at(0.75)
    }

    package var iqr: Double { upper - lower }
}
