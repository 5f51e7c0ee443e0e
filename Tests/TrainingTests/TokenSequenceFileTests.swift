import TestSupport
import Testing
import Training

/// The JSONL token-sequence reader on small generated files.
@Suite struct TokenSequenceFileTests {
    private static let fix = #"each line must be {"split": "train" or "test", "label": 0, "tokens": [101, 2023, 102]}"#

    @Test func readsAndPadsSequences() throws {
        let folder = try TemporaryDirectory("jsonl")
        let path = try folder.file(
            "task.jsonl",
            """
            {"split": "train", "label": 1, "tokens": [101, 7, 102]}
            {"split": "train", "label": 0, "tokens": [101, 9, 9, 102]}

            {"split": "test", "label": 2, "tokens": [5]}
            """)
        let data = try TokenSequenceFile(path: path)
        #expect(data.classes == 3)
        #expect(data.input == .vocabulary(size: 103))
        #expect(data.training.sequenceLength == 4 && data.training.tokenWidth == 1)
        #expect(data.training.inputs == [101, 7, 102, 0, 101, 9, 9, 102])
        #expect(data.training.labels == [1, 0])
        #expect(data.test.inputs == [5, 0, 0, 0] && data.test.labels == [2])
    }

    private func message(_ text: String) throws -> String? {
        let folder = try TemporaryDirectory("jsonl-bad")
        let path = try folder.file("task.jsonl", text)
        do {
            _ = try TokenSequenceFile(path: path)
            return nil
        } catch {
            return String(describing: error).replacingOccurrences(of: path, with: "FILE")
        }
    }

    @Test func malformedLinesNameTheLine() throws {
        let good = #"{"split": "train", "label": 1, "tokens": [1]}"# + "\n" + #"{"split": "test", "label": 0, "tokens": [2]}"# + "\n"
        #expect(try message(good + "[1, 2]") == "malformed FILE: line 3 is not a JSON object; \(Self.fix)")
        #expect(
            try message(good + #"{"split": "dev", "label": 0, "tokens": [1]}"#)
                == #"malformed FILE: line 3: split must be "train" or "test"; "# + Self.fix)
        #expect(
            try message(good + #"{"split": "test", "label": -1, "tokens": [1]}"#)
                == "malformed FILE: line 3: label must be an integer >= 0; \(Self.fix)")
        #expect(
            try message(good + #"{"split": "test", "label": 0, "tokens": [1, 30522]}"#)
                == "malformed FILE: line 3: tokens must be a non-empty list of integer ids in 0-30521; \(Self.fix)")
        #expect(
            try message(good + #"{"split": "test", "label": 0, "tokens": []}"#)
                == "malformed FILE: line 3: tokens must be a non-empty list of integer ids in 0-30521; \(Self.fix)")
        #expect(try message(#"{"split": "train", "label": 1, "tokens": [1]}"#) == #"malformed FILE: no line has split "test"; "# + Self.fix)
        #expect(
            try message(#"{"split": "train", "label": 0, "tokens": [1]}"# + "\n" + #"{"split": "test", "label": 0, "tokens": [1]}"#)
                == "malformed FILE: labels must take at least 2 values; \(Self.fix)")
    }

    @Test func missingFile() throws {
        let folder = try TemporaryDirectory("jsonl-missing")
        #expect(
            throws: TrainingError.missingDataFile(
                path: folder.path + "/none.jsonl", fix: #"give a JSON Lines file of {"split", "label", "tokens"} objects"#)
        ) {
            try TokenSequenceFile(path: folder.path + "/none.jsonl")
        }
    }
}
