import Foundation
import Testing

@testable import StructuredInput

/// Every bound and every one-line message of the readers, word for word.
@Suite struct JSONTextTests {
    func error(_ text: String, depth: Int = JSONText.defaultMaximumDepth) -> String? {
        do {
            try JSONText.check(Data(text.utf8), source: "m.json", maximumDepth: depth)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func soundJSONPasses() throws {
        #expect(error(#"{"l": 2, "o": [["sa_sdp_64"], []], "h": [128, 1.5e-3], "f": [[-0], true, false, null, "\u00e9\n"]}"#) == nil)
        let object = try JSONText.object(Data(#"{"a": [1, 2]}"#.utf8), source: "m.json") as? [String: Any]
        #expect(object?["a"] as? [Int] == [1, 2])
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        #expect(
            error("{\"l\": 2,\n \"o\": [1,]\n}") == "cannot read m.json: not valid JSON: line 2, column 10: expected a value, found ']'")
        #expect(error("[1, 2") == "cannot read m.json: not valid JSON: line 1, column 6: the text ends inside a list")
        #expect(error(#"{"a": tru}"#) == "cannot read m.json: not valid JSON: line 1, column 10: expected 'true', found '}'")
        #expect(error("") == "cannot read m.json: not valid JSON: line 1, column 1: the file is empty")
        #expect(error("{} x") == "cannot read m.json: not valid JSON: line 1, column 4: unexpected 'x' after the value")
        #expect(error("[01]") == "cannot read m.json: not valid JSON: line 1, column 3: expected ',' or ']', found '1'")
        #expect(error("{'a': 1}") == "cannot read m.json: not valid JSON: line 1, column 2: expected a key in double quotes, found '''")
    }

    @Test func duplicateKeysAreRefusedEvenWhenSpelledDifferently() {
        #expect(error(#"{"a": 1, "b": {"a": 2}, "\u0061": 3}"#) == "cannot read m.json: duplicate key 'a' at line 1, column 25")
    }

    @Test func deepNestingIsRefusedBeforeFoundationRecurses() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error(deep) == "cannot read m.json: nested more than 64 levels deep at line 1, column 65")
        let objects = String(repeating: #"{"a":"#, count: 5) + "1" + String(repeating: "}", count: 5)
        #expect(error(objects, depth: 4) == "cannot read m.json: nested more than 4 levels deep at line 1, column 21")
        #expect(error(objects, depth: 5) == nil)
    }
}

@Suite struct YAMLTextTests {
    func error(_ text: String, values: Int = YAMLText.defaultMaximumValues) -> String? {
        do {
            _ = try YAMLText.object(text, source: "a.yaml", maximumValues: values)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func anAcceleratorFileReads() throws {
        let text =
            "tile: {tile_b: 1, tile_x: 16}\nnon_linearity: gelu # comment [\nmain_memory:\n  type: dram\n  banks: 32\nlist:\n  - 1\n  - [2, 3]\n"
        let object = try #require(try YAMLText.object(text, source: "a.yaml") as? [String: Any])
        #expect((object["tile"] as? [String: Any])?["tile_x"] as? Int == 16)
        #expect(object["non_linearity"] as? String == "gelu")
        #expect((object["main_memory"] as? [String: Any])?["banks"] as? Int == 32)
        #expect((object["list"] as? [Any])?.count == 2)
    }

    @Test func deepFlowAndBlockNestingAreRefused() {
        let flow = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error(flow) == "cannot read a.yaml: nested more than 64 levels deep at line 1, column 65")
        let dashes = String(repeating: "- ", count: 100_000) + "x"
        #expect(error(dashes) == "cannot read a.yaml: nested more than 64 levels deep at line 1, column 129")
        let indented = (0..<100).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1\n"
        #expect(error(indented) == "cannot read a.yaml: nested more than 64 levels deep at line 66, column 66")
    }

    @Test func anAliasBombStopsAtTheValueLimit() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1..<12 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        #expect(error(lines.joined(separator: "\n")) == "cannot read a.yaml: expands to more than 100000 values (YAML aliases?)")
        #expect(error("a: &x [1, 2]\nb: *x\n") == nil)
    }

    @Test func duplicateKeysAndDocumentCountsAreErrors() {
        #expect(error("pe: 64\nbatch_size: 4\npe: 32\n") == "cannot read a.yaml: duplicate key 'pe' at line 3, column 1")
        #expect(error("pe: 64\n---\npe: 32\n") == "cannot read a.yaml: holds 2 YAML documents: expected exactly one")
        #expect(error("") == "cannot read a.yaml: holds 0 YAML documents: expected exactly one")
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        #expect(
            error("a: 1\nb: [1, 2\n") == "cannot read a.yaml: not valid YAML or JSON: line 3, column 1: did not find expected ',' or ']'")
    }
}

@Suite struct InputFileTests {
    @Test func whatIsNotARegularFileOfBoundedSizeIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-input-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: "\(dir)/ten"))
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/link", withDestinationPath: "\(dir)/ten")
        try Data([0xFF, 0xFE]).write(to: URL(fileURLWithPath: "\(dir)/binary"))

        #expect(try InputFile.read("\(dir)/ten").count == 10)
        #expect(try InputFile.read("\(dir)/link").count == 10)
        #expect(throws: StructuredInputError.tooLarge(path: "\(dir)/ten", bytes: 10, limit: 9)) {
            try InputFile.read("\(dir)/ten", maximumBytes: 9)
        }
        #expect(throws: StructuredInputError.directory(path: dir)) { try InputFile.read(dir) }
        #expect(throws: StructuredInputError.notRegularFile(path: "/dev/null")) { try InputFile.read("/dev/null") }
        #expect(throws: StructuredInputError.noSuchFile(path: "\(dir)/none")) { try InputFile.read("\(dir)/none") }
        #expect(throws: StructuredInputError.notText(path: "\(dir)/binary")) { try InputFile.text("\(dir)/binary") }
        #expect(StructuredInputError.directory(path: "/tmp").description == "cannot read /tmp: it is a directory, not a file")
        #expect(StructuredInputError.notRegularFile(path: "/dev/zero").description == "cannot read /dev/zero: not a regular file")
        #expect(
            StructuredInputError.tooLarge(path: "m.json", bytes: 10, limit: 9).description
                == "cannot read m.json: the file has 10 bytes, more than the 9 this reader accepts")
    }
}

@Suite struct DecimalTextTests {
    @Test func onlyFiniteDecimalNumbersAreRead() {
        #expect(DecimalText.number("0.01") == 0.01)
        #expect(DecimalText.number("-1") == -1)
        #expect(DecimalText.number("1e-4") == 1e-4)
        #expect(DecimalText.number("+2.5E+3") == 2500)
        #expect(DecimalText.number(".5") == 0.5)
        #expect(DecimalText.number("5.") == 5)
        for bad in ["", "inf", "-inf", "nan", "0x10", "1e", "e5", "1e400", "1.2.3", "1-2", "--1", " 1", "1,0", "."] {
            #expect(DecimalText.number(bad) == nil, "\(bad)")
        }
    }
}
