import ArgumentParser
import Elector

/// Parsers for option values shared by several commands.
enum ArgumentParsing {
    /// "tau_I,tau_T" with an optional measured profile.
    static func dynaProp(_ text: String, profile: String?) throws -> DynaPropSetting {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let tauI = parts[0], let tauT = parts[1], tauI >= 0, tauT >= 0 else {
            throw CLIError("--dynaprop takes two thresholds tau_I,tau_T >= 0, e.g. 0.01,0.0001; got '\(text)'")
        }
        if tauI == 0 && tauT == 0 { return .off }
        let curves = try profile.map(SparsityProfile.load(path:)) ?? .paperDefault
        return try DynaPropSetting(tauI: tauI, tauT: tauT, profile: curves)
    }
}
