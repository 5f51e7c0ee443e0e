import DesignSpace
import Foundation
import TestSupport
import Testing

/// Seeded mutations of model and accelerator files through the command (issue 17): exit 0
/// exactly when the library accepts the file, and otherwise one line on standard error.
@Suite final class ReaderFuzzCLITests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-fuzz-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    @Test func mutatedFilesGetOneLineOrAreValid() throws {
        var mutator = TextMutator(seed: 2026)
        let seeds = [ModelDict.render(BuiltIns.model(named: "bert-tiny")!), AcceleratorFile.render(BuiltIns.accelerator(named: "elector-star")!)]
        for i in 0..<60 {
            let path = "\(directory)/case\(i).\(i % 2 == 0 ? "json" : "yaml")"
            try mutator.mutate(seeds[i % 2]).write(toFile: path, atomically: true, encoding: .utf8)
            let valid = (try? Catalog.item(path)) != nil
            let result = try TranscodeBinary.run(["show", path])
            #expect((result.status == 0) == valid, "\(result.transcript.prefix(300))")
            if !valid {
                let stderr = result.transcript.components(separatedBy: "[stderr]\n").last ?? ""
                #expect(stderr.hasPrefix("Error: ") && stderr.filter { $0 == "\n" }.count == 2, "\(stderr.prefix(300))")
            }
        }
    }
}
