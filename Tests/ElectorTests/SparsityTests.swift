import DesignSpace
import Elector
import Foundation
import Testing

@Suite struct SparsityTests {
    @Test func defaultProfileHitsThePaperOperatingPoint() throws {
        let s = DynaPropSetting.paperDefault
        #expect(abs(s.weightSparsity - 0.5) < 1e-12)
        #expect(abs(s.activationSparsity - 0.5) < 1e-12)
        #expect(abs(s.gradientSparsity - 0.9) < 1e-12)
    }

    @Test func measuredCurvesInterpolateAndRejectTauOutside() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID()).json").path
        try #"{"weight": [[0, 0], [0.02, 0.6]], "activation": [[0, 0.1], [0.01, 0.5], [0.02, 0.7]], "gradient": [[0, 0], [0.001, 0.95]]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let profile = try SparsityProfile.load(path: path)
        let s = try DynaPropSetting(tauI: 0.015, tauT: 0.0005, profile: profile)
        #expect(abs(s.activationSparsity - 0.6) < 1e-12)
        #expect(abs(s.weightSparsity - 0.45) < 1e-12)
        #expect(throws: ElectorError.tauOutsideCurve(kind: "weight", tau: 0.03, low: 0, high: 0.02)) {
            try DynaPropSetting(tauI: 0.03, tauT: 0.0005, profile: profile)
        }
        #expect(
            String(describing: ElectorError.tauOutsideCurve(kind: "gradient", tau: 0.5, low: 0, high: 0.001))
                == "tau 0.5 is outside the gradient sparsity curve: allowed 0.0 to 0.001")
    }

    @Test func badProfilesGetOneLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).json").path
        try #"{"weight": [[0, 0], [0.02, 0.6]], "activation": [[0.02, 0.1], [0.01, 0.5]], "gradient": [[0, 0], [1, 1]]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ElectorError.badProfile(path: path, reason: "'activation' tau values must increase")) {
            try SparsityProfile.load(path: path)
        }
        #expect(throws: ElectorError.badProfile(path: "/no/such.json", reason: "no such file")) {
            try SparsityProfile.load(path: "/no/such.json")
        }
        try "{\"weight\": [[0, 0], [0.02, 0.6]],}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(
            throws: ElectorError.badProfile(
                path: path, reason: "not valid JSON: line 1, column 34: expected a key in double quotes, found '}'")
        ) {
            try SparsityProfile.load(path: path)
        }
    }

    /// A threshold whose curve prunes every value would simulate a run without one effectual MAC.
    @Test func aThresholdThatPrunesEverythingIsRefused() throws {
        let everything = SparsityProfile(
            weight: .measured([.init(tau: 0, rho: 0), .init(tau: 1, rho: 1)]),
            activation: .anchored(tau: 0.01, rho: 0.5), gradient: .anchored(tau: 1e-4, rho: 0.9))
        #expect(throws: ElectorError.prunesEverything(kind: "weight", threshold: "tau_I", tau: 1)) {
            try DynaPropSetting(tauI: 1, tauT: 1e-4, profile: everything)
        }
        #expect(
            String(describing: ElectorError.prunesEverything(kind: "gradient", threshold: "tau_T", tau: 5))
                == "tau_T 5.0 prunes every gradient value under this sparsity profile: use a smaller threshold")
        // The search's largest thresholds keep some values: rho is just below 1.
        #expect(try DynaPropSetting(tauI: 0.04, tauT: 1e-3, profile: .paperDefault).gradientSparsity < 1)
    }

    /// A measured grid takes precedence over the curves and is interpolated bilinearly; a
    /// malformed grid or a profile of another model gets one line.
    @Test func measuredGridsInterpolateAndCheckTheirModel() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grid-\(UUID()).json").path
        let curves = #""weight": [[0, 0.5], [0.1, 0.5]], "activation": [[0, 0], [0.1, 0.4]], "gradient": [[0, 0], [0.001, 0.9]]"#
        let grid =
            #""grid": {"tau_i": [0, 0.1], "tau_t": [0, 0.001], "weight": [[0.5, 0.5], [0.5, 0.5]], "activation": [[0, 0], [0.4, 0.4]], "#
            + #""gradient": [[0, 0.8], [0.4, 1]], "forward_effectual": [[0.5, 0.5], [0.3, 0.3]], "backward_effectual": [[0.7, 0.1], [0.3, 0]]}"#
        try "{\(curves), \(grid)}".write(toFile: path, atomically: true, encoding: .utf8)
        let profile = try SparsityProfile.load(path: path)
        let s = try DynaPropSetting(tauI: 0.05, tauT: 0.0005, profile: profile)
        #expect(abs(s.gradientSparsity - 0.55) < 1e-12)
        #expect(abs(try #require(s.backwardEffectualFraction) - 0.275) < 1e-12)
        #expect(abs(s.effectualFraction(.activation, .weight) - 0.4) < 1e-12)
        #expect(abs(s.effectualFraction(.gradient, .weight) - 0.275) < 1e-12)
        #expect(throws: ElectorError.tauOutsideCurve(kind: "measured tau_T", tau: 0.01, low: 0, high: 0.001)) {
            try DynaPropSetting(tauI: 0.05, tauT: 0.01, profile: profile)
        }
        #expect(
            String(describing: ElectorError.tauOutsideCurve(kind: "measured tau_T", tau: 0.01, low: 0, high: 0.001))
                == "tau 0.01 is outside the measured tau_T sparsity curve: allowed 0.0 to 0.001")
        try "{\(curves), \"grid\": {\"tau_i\": [0, 0.1], \"tau_t\": [0, 0.001], \"weight\": [[0.5]]}}"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ElectorError.badProfile(path: path, reason: "'grid' 'weight' must be 2 rows (tau_i) of 2 values (tau_t)")) {
            try SparsityProfile.load(path: path)
        }
        let measured = SparsityProfile(
            weight: .anchored(tau: 0.01, rho: 0.5), activation: .anchored(tau: 0.01, rho: 0.5), gradient: .anchored(tau: 1e-4, rho: 0.9),
            model: "bert-tiny", embedding: TransformerSpace.embedding(of: try Catalog.model("bert-tiny")))
        #expect(
            throws: ElectorError.badProfile(
                path: "p.json", reason: "it was measured on bert-tiny, not on fb-star: use --profile paper or a profile of fb-star")
        ) {
            try measured.check(for: try Catalog.model("fb-star"), modelName: "fb-star", path: "p.json")
        }
        try measured.check(for: try Catalog.model("bert-tiny"), modelName: "bert-tiny", path: "p.json")
    }
}
