import Foundation
import TestSupport
import Testing

/// `transcode train` end to end on a tiny generated JSONL task (never full Fashion-MNIST).
@Suite struct TrainCLITests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory("transcode-train") }

    private func task() throws -> String {
        var lines: [String] = []
        for i in 0..<40 {
            let label = i % 2
            let tokens = label == 0 ? [101, 5 + i % 3, 102] : [101, 9 + i % 3, 102]
            lines.append(#"{"split": "\#(i < 32 ? "train" : "test")", "label": \#(label), "tokens": \#(tokens)}"#)
        }
        return try folder.file("task.jsonl", lines.joined(separator: "\n") + "\n")
    }

    @Test func trainsAndWritesResultJSON() throws {
        let out = folder.path + "/run"
        let result = try TranscodeBinary.run([
            "train", "--model", "bert-tiny", "--dataset", "jsonl:" + task(), "--batch", "8", "--dynaprop", "0.01,0.0001", "--out", out,
        ])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.transcript.contains("trained bert-tiny ("))
        #expect(result.transcript.contains("test accuracy: "))
        #expect(result.transcript.contains("DynaProp tau_I 0.01, tau_T 0.0001: weight rho "))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/result.json"))) as? [String: Any])
        #expect(json["model"] as? String == "bert-tiny")
        #expect(json["seed"] as? Int == 0)
        let run = try #require(json["result"] as? [String: Any])
        #expect((run["epochs"] as? [Any])?.count == 1)
        #expect(run["test_accuracy"] is Double)
        #expect(run["profile"] is [String: Any])
        #expect(run["training_examples"] as? Int == 29 && run["validation_examples"] as? Int == 3 && run["test_examples"] as? Int == 8)
    }

    @Test func badThresholdIsAUsageError() throws {
        let result = try TranscodeBinary.run(["train", "--model", "bert-tiny", "--dynaprop", "2,0", "--out", folder.path + "/x"])
        #expect(result.status == 64)
        #expect(
            result.transcript.contains(
                "Error: --dynaprop takes two thresholds tau_I,tau_T in [0, 1], e.g. 0.01,0.0001; got '2,0' (see 'transcode train --help')"))
    }

    @Test func missingDataFileIsOneLine() throws {
        let result = try TranscodeBinary.run([
            "train", "--model", "bert-tiny", "--dataset", "jsonl:\(folder.path)/none.jsonl", "--out", folder.path + "/y",
        ])
        #expect(result.status == 1)
        #expect(
            result.transcript.hasSuffix(
                #"[stderr]\#nError: cannot read \#(folder.path)/none.jsonl: no such file; give a JSON Lines file of {"split", "label", "tokens"} objects\#n[exit 1]\#n"#
            ), "\(result.transcript)")
    }
}
