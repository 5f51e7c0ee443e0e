/// Numbers typed by a user, read strictly.
///
/// Swift's `Double(_:)` accepts "inf", "nan" and hexadecimal ("0x10" is 16); none of those is
/// a plausible threshold, weight or embedding entry, so a command that takes numbers reads
/// them here: optional sign, decimal digits, optional fraction and exponent, finite.
package enum DecimalText {
    /// The value of `text`, or nil when it is not a finite decimal number.
    package static func number(_ text: some StringProtocol) -> Double? {
        var sawDigit = false
        var sawPoint = false
        var sawExponent = false
        var previous: Character?
        for (i, c) in text.enumerated() {
            switch c {
            case "0"..."9": sawDigit = true
            case "+", "-": guard i == 0 || previous == "e" || previous == "E" else { return nil }
            case ".":
                guard !sawPoint && !sawExponent else { return nil }
                sawPoint = true
            case "e", "E":
                guard sawDigit && !sawExponent else { return nil }
                sawExponent = true
                sawDigit = false
            default: return nil
            }
            previous = c
        }
        guard sawDigit, let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }
}
