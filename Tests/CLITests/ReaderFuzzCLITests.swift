import DesignSpace
import Foundation
import TestSupport
import Testing

/// Seeded mutations of model and accelerator files through the command (issue 17): exit 0
/// exactly when the library accepts the file, and otherwise one line on standard error.
@Suite struct ReaderFuzzCLITests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory("transcode-fuzz") }

    @Test func mutatedFilesGetOneLineOrAreValid() throws {
        var mutator = TextMutator(seed: 2026)
        let seeds = [
            ModelDict.render(BuiltIns.model(named: "bert-tiny")!), AcceleratorFile.render(BuiltIns.accelerator(named: "elector-star")!),
        ]
        for i in 0..<60 {
            let path = try folder.file("case\(i).\(i % 2 == 0 ? "json" : "yaml")", mutator.mutate(seeds[i % 2]))
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
