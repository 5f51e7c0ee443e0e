import CoDesign
import Testing

/// Every `CoDesignError` message, word for word; none names a command-line flag.
@Suite struct CoDesignErrorTests {
    static let messages: [(CoDesignError, String)] = [
        (.invalidWeights("every weight must be a number >= 0"), "invalid objective weights: every weight must be a number >= 0"),
        (
            .invalidConstraint(text: "area=3", reason: "expected QUANTITY<=NUMBER or QUANTITY>=NUMBER, e.g. layers<=6"),
            "invalid constraint 'area=3': expected QUANTITY<=NUMBER or QUANTITY>=NUMBER, e.g. layers<=6"
        ),
        (
            .resumeMismatch(field: "seed", stored: "1", given: "2"),
            "cannot resume: the run was started with seed 1, not 2; resume it with its stored settings or start a new run in another directory"
        ),
        (.unreadableRun(path: "runs/a", reason: "no run.json"), "cannot resume from runs/a: no run.json"),
        (
            .unreadableData(path: "data/x.json", reason: "entry 0 has no number 'accuracy'"),
            "cannot read data/x.json: entry 0 has no number 'accuracy'"
        ),
        (.invalidSetting(name: "batch size", value: "0", allowed: "at least 1"), "invalid batch size 0: allowed at least 1"),
        (.runExists(path: "runs/a"), "runs/a already holds a search run: resume it, or start the new run in another directory"),
        (
            .runLocked(path: "runs/a", holder: "pid 42 since 2026-11-30T11:00:00Z"),
            "runs/a is in use by another search (pid 42 since 2026-11-30T11:00:00Z): wait for it to finish, or use another run directory"
        ),
        (
            .unusableRunDirectory(path: "README.md", reason: "it is a file, not a folder"),
            "cannot use README.md as a run directory: it is a file, not a folder"
        ),
        (
            .noFeasiblePair(path: "runs/a", constraints: "area<=0.001", evaluations: 16),
            "no pair among the 16 evaluated satisfies the constraints area<=0.001; the log is kept in runs/a: loosen the constraints in a new run, or extend this one with a larger budget"
        ),
    ]

    @Test func messagesAreWordForWordAndNameNoFlag() {
        for (error, message) in Self.messages {
            #expect(error.description == message)
            #expect(!error.description.contains("--"))
        }
    }

    @Test func settingErrorsUseTheLibrarysNames() {
        func message(_ s: SearchSettings) -> String {
            do {
                try s.validate()
                return "valid"
            } catch { return String(describing: error) }
        }
        #expect(message(SearchSettings(budget: 1, table: "t")) == "invalid budget 1: allowed at least 2")
        #expect(message(SearchSettings(batchSize: 0, table: "t")) == "invalid batch size 0: allowed at least 1")
        #expect(message(SearchSettings(patience: -1, table: "t")) == "invalid patience -1: allowed 0 or more")
        #expect(message(SearchSettings(budget: -5, table: "t")) == "invalid budget -5: allowed at least 2")
    }

    /// An upper bound at or below 0 on a quantity that is always positive is refused at once.
    @Test func unsatisfiableBoundsAreRefusedUpFront() {
        func message(_ text: String) -> String {
            do { return try Constraint.parse(text).description } catch { return String(describing: error) }
        }
        #expect(message("area<=-5") == "invalid constraint 'area<=-5': no design has area <= -5: area is always greater than 0")
        #expect(message("latency<=0") == "invalid constraint 'latency<=0': no design has latency <= 0: latency is always greater than 0")
        #expect(
            message("energy <= -1e-3")
                == "invalid constraint 'energy <= -1e-3': no design has energy <= -1e-3: energy is always greater than 0")
        #expect(message("layers<=0") == "invalid constraint 'layers<=0': no design has layers <= 0: layers is always greater than 0")
        // Lower bounds and accuracy are left to the run, which reports a run with no feasible pair.
        #expect(message("area>=-5") == "area>=-5.0")
        #expect(message("accuracy<=-1") == "accuracy<=-1.0")
    }
}
