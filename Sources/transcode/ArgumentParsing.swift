import ArgumentParser
import Elector
import StructuredInput

/// Parsers for option values shared by several commands.
enum ArgumentParsing {
    /// "tau_I,tau_T" with an optional measured profile.
    static func dynaProp(_ text: String, profile: String?) throws -> DynaPropSetting {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            DecimalText.number($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 2, let tauI = parts[0], let tauT = parts[1], tauI >= 0, tauT >= 0 else {
            throw CLIError("--dynaprop takes two decimal thresholds tau_I,tau_T >= 0, e.g. 0.01,0.0001; got '\(text)'")
        }
        if tauI == 0 && tauT == 0 { return .off }
        let curves = try profile.map(SparsityProfile.load(path:)) ?? .paperDefault
        return try DynaPropSetting(tauI: tauI, tauT: tauT, profile: curves)
    }

    /// "1,2,3" (spaces and brackets allowed) as finite decimal numbers.
    static func numbers(_ text: String, what: String) throws -> [Double] {
        let cleaned = text.filter { !"[] ".contains($0) }
        return try cleaned.split(separator: ",", omittingEmptySubsequences: false).map {
            guard let value = DecimalText.number($0) else {
                throw CLIError("\(what) entry '\($0)' is not a finite decimal number")
            }
            return value
        }
    }
}
