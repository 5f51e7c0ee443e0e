import Calibration
import CostModel
import Foundation
import ProjectLayout
import TestSupport
import Testing

/// Seeded mutations of hardware tables and liberty snippets through their readers (issue 17):
/// no crash, and every refusal one line. A crash here stops the whole test run, which is the
/// point. The readers take paths, so each case is written to a scratch file.
@Suite struct TableReaderFuzzTests {
    static let cases = 200

    static let liberty = """
        library (t) {
          nom_voltage : 1.0; leakage_power_unit : "1nW"; default_wire_load : "w";
          /* a comment */
          wire_load ("w") { capacitance : 2; slope : 1; fanout_length(1, 1.5); fanout_length(2, 3.0); }
          cell (INV) { area : 0.5; cell_leakage_power : 10.0;
            pin (A) { direction : input; capacitance : 1.0; }
            pin (Z) { direction : output; function : "!A";
              internal_power () { related_pin : "A";
                rise_power (p) { index_1 ("0.01, 0.1"); index_2 ("1, 3"); values ("1, 3", \\
                  "2, 4"); }
                fall_power (p) { index_1 ("0.01, 0.1"); index_2 ("1, 3"); values ("1, 3", "2, 4"); } } } }
          cell (DFF) { area : 4.5; ff (IQ, IQN) { next_state : "D"; clocked_on : "CK"; clear : "!RN"; }
            pin (D) { direction : input; capacitance : 1.0; } pin (Q) { direction : output; function : "IQ"; } }
        }
        """

    func expectOneLine(_ error: Error, _ input: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(describing: error)
        #expect(
            !text.isEmpty && !text.contains("\n"), "multi-line error \(text.debugDescription) for \(input.prefix(200).debugDescription)",
            sourceLocation: sourceLocation)
    }

    func scratch(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "transcode-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    @Test func hardwareTables() throws {
        var mutator = TextMutator(seed: 45)
        let seeds = try TableCatalog.shipped.values.sorted().map { try String(contentsOfFile: ProjectFiles.path($0), encoding: .utf8) }
        let path = try scratch("table.json")
        var accepted = 0
        for i in 0..<Self.cases {
            let text = mutator.mutate(seeds[i % seeds.count])
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                _ = try HardwareTable.load(path: path)
                accepted += 1
            } catch {
                expectOneLine(error, text)
            }
        }
        // Most mutations must be refused, or the mutator is not reaching the reader.
        #expect(accepted < Self.cases / 2)
    }

    @Test func libertySnippets() throws {
        var mutator = TextMutator(seed: 7)
        let path = try scratch("cells.lib")
        #expect(
            try LibertyLibrary(
                path: {
                    try Self.liberty.write(toFile: path, atomically: true, encoding: .utf8)
                    return path
                }()
            ).cells.count == 2)
        for _ in 0..<Self.cases {
            let text = mutator.mutate(Self.liberty)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            do { _ = try LibertyLibrary(path: path) } catch { expectOneLine(error, text) }
        }
    }

    @Test func libertyErrorsSayWhatIsWrong() throws {
        let path = try scratch("garbage.lib")
        try "hello world\nthis is not a liberty\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CalibrationError.notLiberty(path: path, line: 1, problem: "expected a group such as 'library (name) {'")) {
            try LibertyLibrary(path: path)
        }
        try "library (t) {\n  cell (X) {\n    area 1;\n  }\n}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CalibrationError.notLiberty(path: path, line: 3, problem: "expected ':' or '(' after 'area'")) {
            try LibertyLibrary(path: path)
        }
        #expect(
            String(describing: CalibrationError.notLiberty(path: "x.lib", line: 3, problem: "expected ':' or '(' after 'area'"))
                == "x.lib is not a liberty library: line 3: expected ':' or '(' after 'area'")
        try (String(repeating: "a () {\n", count: 100_000)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CalibrationError.notLiberty(path: path, line: 66, problem: "groups nested more than 64 levels deep")) {
            try LibertyLibrary(path: path)
        }
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: CalibrationError.unreadableFile(path: dir, reason: "it is a directory, not a file")) {
            try LibertyLibrary(path: dir)
        }
        #expect(throws: CalibrationError.unreadableLiberty(path: "/no/such.lib")) { try LibertyLibrary(path: "/no/such.lib") }
    }

    @Test func tableReadErrorsAreTheBoundedReaders() throws {
        let path = try scratch("dup.json")
        try "{\"name\": 1,\n \"name\": 2}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CostModelError.unreadable(path: path, reason: "duplicate key 'name' at line 2, column 2")) {
            try HardwareTable.load(path: path)
        }
        #expect(throws: CostModelError.unreadable(path: "/dev/null", reason: "not a regular file")) {
            try HardwareTable.load(path: "/dev/null")
        }
    }

    @Test func recordsAndMemoryModelsAreReadTheSameWay() throws {
        #expect(try CalibrationRecords.load(path: "/no/such/records.json") == nil)
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: CalibrationError.unreadableFile(path: dir, reason: "it is a directory, not a file")) {
            try CalibrationRecords.load(path: dir)
        }
        let path = try scratch("broken.json")
        try "{\"modules\": [,]}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(
            throws: CalibrationError.unreadableFile(path: path, reason: "not valid JSON: line 1, column 14: expected a value, found ','")
        ) {
            try CalibrationRecords.load(path: path)
        }
        #expect(throws: CalibrationError.unreadableMemoryModels(path: dir, reason: "it is a directory, not a file")) {
            try MemoryModels.load(path: dir)
        }
    }
}
