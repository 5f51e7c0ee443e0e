import ArgumentParser
import DesignSpace
import Elector
import Foundation
import ProjectLayout
import StructuredInput

/// Parsers for option values shared by several commands.
enum ArgumentParsing {
    /// Where the checked-in measured profiles live (one per model, `transcode dynaprop sweep`).
    static var measuredProfiles: String { "\(ProjectFiles.root)/data/dynaprop-profiles" }

    /// "tau_I,tau_T" for `model` under `profile`: a profile file, `paper` (the paper's constant
    /// curves), or nil: the model's measured profile in data/dynaprop-profiles where it has
    /// one, else the paper's. Returns the setting and the profile used (`paper` or a path).
    static func dynaProp(_ text: String, profile: String?, model: TransformerModel, modelName: String) throws -> (
        setting: DynaPropSetting, profile: String
    ) {
        switch profile {
        case "paper":
            return (try dynaProp(text, profile: nil), "paper")
        case let path?:
            let curves = try SparsityProfile.load(path: path)
            try curves.check(for: model, modelName: modelName, path: path)
            return (try dynaProp(text, curves: curves), path)
        case nil:
            guard let measured = try SparsityProfile.measured(for: model, in: measuredProfiles) else {
                return (try dynaProp(text, profile: nil), "paper")
            }
            let name = (measured.path as NSString).lastPathComponent
            return (try dynaProp(text, curves: measured.profile), "data/dynaprop-profiles/\(name)")
        }
    }

    /// "tau_I,tau_T" with an optional measured profile.
    static func dynaProp(_ text: String, profile: String?) throws -> DynaPropSetting {
        try dynaProp(text, curves: try profile.map(SparsityProfile.load(path:)) ?? .paperDefault)
    }

    private static func dynaProp(_ text: String, curves: SparsityProfile) throws -> DynaPropSetting {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            DecimalText.number($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 2, let tauI = parts[0], let tauT = parts[1], tauI >= 0, tauT >= 0 else {
            throw CLIError("--dynaprop takes two decimal thresholds tau_I,tau_T >= 0, e.g. 0.01,0.0001; got '\(text)'")
        }
        if tauI == 0 && tauT == 0 { return .off }
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

    /// "2,4": PE counts, each a whole number of at least 1. The commands check the upper bound
    /// themselves (a synthesis limit, or each accelerator's PE count).
    static func peCounts(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let counts = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 >= 1 }
        guard !parts.isEmpty, counts.count == parts.count else {
            throw ValidationError("--pes must list PE counts separated by commas, got '\(text)'")
        }
        return counts
    }
}
