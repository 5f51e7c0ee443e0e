import Foundation
import TestSupport
import Testing

/// Files built to break a reader (issue 17's reproductions): each must end in one line that
/// names the file and the problem, with exit status 1, and never in a crash or a runaway.
@Suite struct HostileInputCLITests {
    let folder: TemporaryDirectory
    var directory: String { folder.path }

    init() throws { folder = try TemporaryDirectory("transcode-hostile") }

    func file(_ name: String, _ text: String) throws -> String { try folder.file(name, text) }

    func expectOneLineError(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try TranscodeBinary.run(arguments)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(
            result.transcript.hasSuffix("[stderr]\nError: \(message)\n[exit 1]\n"), "\(result.transcript.suffix(400))",
            sourceLocation: sourceLocation)
    }

    @Test func deeplyNestedYAMLAndJSONAreRefused() throws {
        let brackets = try file("d.yaml", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")
        let deep = "cannot read \(brackets): nested more than 64 levels deep at line 1, column 65"
        try expectOneLineError(["simulate", "--model", "bert-tiny", "--accelerator", brackets, "--fast"], deep)
        try expectOneLineError(["show", brackets], deep)
        let model = try file(
            "deep.json", #"{"l": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}")
        try expectOneLineError(
            ["simulate", "--model", model, "--accelerator", "acceltran-edge", "--fast"],
            "cannot read \(model): nested more than 64 levels deep at line 1, column 70")
    }

    @Test func anAliasBombStopsAtTheValueLimit() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1..<12 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        let bomb = try file("bomb.yaml", lines.joined(separator: "\n") + "\n")
        try expectOneLineError(["show", bomb], "cannot read \(bomb): expands to more than 100000 values (YAML aliases?)")
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let huge = try file("huge.json", #"{"l": 2, "pad": ""# + String(repeating: " ", count: 5 << 20) + "}")
        try expectOneLineError(
            ["simulate", "--model", huge, "--accelerator", "acceltran-edge", "--fast"],
            "cannot read \(huge): the file has 5242898 bytes, more than the 4194304 this reader accepts")
    }

    @Test func directoriesAndDevicesAreNamedAsSuch() throws {
        try expectOneLineError(
            ["simulate", "--model", directory, "--accelerator", "acceltran-edge", "--fast"],
            "cannot read \(directory): it is a directory, not a file")
        try expectOneLineError(["show", "/dev/null"], "cannot read /dev/null: not a regular file")
    }

    @Test func parseErrorsGiveALineAndAColumn() throws {
        let model = try file("comma.json", "{\"l\": 2,\n \"o\": [[\"sa_sdp_64\"],]\n}\n")
        try expectOneLineError(
            ["simulate", "--model", model, "--accelerator", "acceltran-edge", "--fast"],
            "cannot read \(model): not valid JSON: line 2, column 22: expected a value, found ']'")
    }

    @Test func multiDocumentYAMLAndDuplicateKeysAreRefused() throws {
        let twoDocuments = try file("two.yaml", "pe: 64\n---\npe: 32\n")
        try expectOneLineError(["show", twoDocuments], "cannot read \(twoDocuments): holds 2 YAML documents: expected exactly one")
        let duplicate = try file("dup.yaml", "pe: 64\nbatch_size: 4\npe: 32\n")
        try expectOneLineError(
            ["simulate", "--model", "bert-tiny", "--accelerator", duplicate, "--fast"],
            "cannot read \(duplicate): duplicate key 'pe' at line 3, column 1")
    }
}
