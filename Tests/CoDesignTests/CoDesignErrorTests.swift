import CoDesign
import Testing

/// Every `CoDesignError` message, word for word; none names a command-line flag.
@Suite struct CoDesignErrorTests {
    static let messages: [(CoDesignError, String)] = [
        (.invalidWeights("every weight must be a number >= 0"), "invalid objective weights: every weight must be a number >= 0"),
        (.invalidConstraint(text: "area=3", reason: "expected QUANTITY<=NUMBER or QUANTITY>=NUMBER, e.g. layers<=6"),
         "invalid constraint 'area=3': expected QUANTITY<=NUMBER or QUANTITY>=NUMBER, e.g. layers<=6"),
        (.resumeMismatch(field: "seed", stored: "1", given: "2"),
         "cannot resume: the run was started with seed 1, not 2; resume it with its stored settings or start a new run in another directory"),
        (.unreadableRun(path: "runs/a", reason: "no run.json"), "cannot resume from runs/a: no run.json"),
        (.unreadableData(path: "data/x.json", reason: "entry 0 has no number 'accuracy'"), "cannot read data/x.json: entry 0 has no number 'accuracy'"),
        (.invalidSetting(name: "batch size", value: "0", allowed: "at least 1"), "invalid batch size 0: allowed at least 1"),
        (.runExists(path: "runs/a"), "runs/a already holds a search run: resume it, or start the new run in another directory"),
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
    }
}
