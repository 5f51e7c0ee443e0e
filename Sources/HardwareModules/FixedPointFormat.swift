/// Signed fixed point with `integerBits` + `fractionBits` bits (paper: IL 4, FL 16).
package struct FixedPointFormat: Hashable, Sendable, Codable {
    package let integerBits: Int
    package let fractionBits: Int

    package static let paper = try! FixedPointFormat(integerBits: 4, fractionBits: 16)

    package init(integerBits: Int, fractionBits: Int) throws {
        guard (1...16).contains(integerBits) else {
            throw HardwareModulesError.invalidFormat("integer bits must be 1 to 16, got \(integerBits)")
        }
        guard (4...24).contains(fractionBits) else {
            throw HardwareModulesError.invalidFormat("fraction bits must be 4 to 24, got \(fractionBits)")
        }
        self.integerBits = integerBits
        self.fractionBits = fractionBits
    }

    /// Word width W.
    package var bits: Int { integerBits + fractionBits }
    /// The value 1.0.
    package var one: Int64 { Int64(1) << fractionBits }
    package var maxValue: Int64 { (Int64(1) << (bits - 1)) - 1 }
    package var minValue: Int64 { -(Int64(1) << (bits - 1)) }

    /// Round-to-nearest conversion with saturation.
    package func quantize(_ x: Double) -> Int64 {
        let scaled = (x * Double(one)).rounded()
        if scaled >= Double(maxValue) { return maxValue }
        if scaled <= Double(minValue) { return minValue }
        return Int64(scaled)
    }

    package func real(_ v: Int64) -> Double { Double(v) / Double(one) }

    package func saturate(_ v: Int64) -> Int64 { min(max(v, minValue), maxValue) }

    /// Interprets the low `bits` bits of `raw` as a signed word.
    package func signExtend(_ raw: Int64) -> Int64 {
        let shift = 64 - bits
        return (raw << shift) >> shift
    }
}
