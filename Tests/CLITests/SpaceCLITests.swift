import Foundation
import TestSupport
import Testing

/// Golden tests of the design-space commands' output, errors included.
@Suite struct SpaceCLITests {
    static let cases: [(String, [String], Int32)] = [
        ("accelerators-count", ["space", "accelerators", "count"], 0),
        ("transformers-count", ["space", "transformers", "count"], 0),
        ("accelerators-decode-index", ["space", "accelerators", "decode", "--index", "0"], 0),
        ("accelerators-encode-server", ["space", "accelerators", "encode", "acceltran-server"], 0),
        ("accelerators-sample", ["space", "accelerators", "sample", "3", "--seed", "1"], 0),
        ("transformers-embed-fb-star", ["space", "transformers", "embed", "fb-star"], 0),
        (
            "transformers-decode",
            [
                "space", "transformers", "decode",
                "2,3,128,127,1,39,95,3,186,119,1,11,57,0,102,123,1,47,213,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0",
            ], 0
        ),
        ("show-bert-tiny", ["show", "bert-tiny"], 0),
        ("show-fb-star", ["show", "fb-star"], 0),
        ("show-bert-tiny-tt", ["show", "docs/examples/bert-tiny-tt.json"], 0),
        (
            "compress-bert-tiny-simulated",
            [
                "compress", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--no-accuracy", "--cores", "2", "--ranks", "4",
                "--fast", "--out", "/tmp/transcode-golden-compress",
            ], 0
        ),
        (
            "error-compress-cores",
            [
                "compress", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--no-accuracy", "--cores", "5", "--out",
                "/tmp/never",
            ],
            64
        ),
        (
            "error-compress-decomposed",
            [
                "compress", "--model", "docs/examples/bert-tiny-tt.json", "--accelerator", "acceltran-edge", "--no-accuracy", "--out",
                "/tmp/never",
            ], 1
        ),
        (
            "compress-bert-tiny-dynaprop-off",
            [
                "compress", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--no-accuracy", "--cores", "2", "--ranks", "4",
                "--fast", "--dynaprop", "0,0", "--out", "/tmp/transcode-golden-compress-dynaprop",
            ], 0
        ),
        (
            "error-compress-dynaprop",
            [
                "compress", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--no-accuracy", "--dynaprop", "0.01", "--out",
                "/tmp/never",
            ], 1
        ),
        ("error-search-decompose-accelerator", ["search", "--decompose", "--mode", "accelerator", "--out", "/tmp/never"], 64),
        ("show-acceltran-edge", ["show", "acceltran-edge"], 0),
        ("show-elector-star-yaml", ["show", "elector-star", "--format", "yaml"], 0),
        ("error-unknown-name", ["show", "bert-huge"], 1),
        ("error-bad-embedding", ["space", "accelerators", "decode", "--embedding", "1,16,16,64,16,16,4,4,4,8,1,0"], 1),
        ("error-bad-index", ["space", "accelerators", "decode", "--index", "14850000"], 1),
        ("error-missing-file", ["show", "no/such/model.json"], 1),
        ("error-transformer-embedding", ["space", "transformers", "decode", "0,0,0"], 1),
        (
            "simulate-bert-tiny-edge",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--table", "acceltran-14nm"], 0
        ),
        (
            "simulate-fb-star-training-fast",
            [
                "simulate", "--model", "fb-star", "--accelerator", "elector-star", "--mode", "training", "--fast", "--table",
                "acceltran-14nm",
            ], 0
        ),
        (
            "simulate-bert-tiny-fast-json",
            [
                "simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--fast", "--format", "json", "--table",
                "acceltran-14nm",
            ], 0
        ),
        (
            "simulate-reference-acceltran",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--reference", "acceltran", "--dynaprop", "0,0"], 0
        ),
        ("error-simulate-dynaprop", ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--dynaprop", "0.01"], 1),
        (
            "error-simulate-profile",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--profile", "no/profile.json"], 1
        ),
        // Issue 13: the measured profile is BERT-Tiny's default; the paper's stays selectable,
        // and a profile measured on another model is refused.
        (
            "simulate-bert-tiny-paper-profile",
            [
                "simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--fast", "--table", "acceltran-14nm", "--profile",
                "paper",
            ],
            0
        ),
        (
            "error-simulate-profile-other-model",
            [
                "simulate", "--model", "fb-star", "--accelerator", "acceltran-edge", "--fast", "--profile",
                "data/dynaprop-profiles/bert-tiny.json",
            ], 1
        ),
        ("error-dynaprop-sweep-tau", ["dynaprop", "sweep", "--model", "bert-tiny", "--tau-i", "0,2", "--out", "/tmp/never"], 64),
        ("error-dynaprop-sweep-model", ["dynaprop", "sweep", "--model", "bert-huge", "--out", "/tmp/never"], 64),
        // Search options are checked in validate(); ArgumentParser reports a ValidationError
        // with the usage line and exit code 64 (EX_USAGE).
        ("error-search-weights", ["search", "--weights", "0.5,0.5,0.5,0,0", "--out", "/tmp/never"], 64),
        ("error-search-constraint", ["search", "--constraint", "depth<=3", "--out", "/tmp/never"], 64),
        ("error-search-batch", ["search", "--batch", "0", "--out", "/tmp/never"], 64),
        // Issue 17's search items: negative numbers reach validation, nonsense bounds are
        // refused, --resume takes no other search option, and --out is checked before work.
        ("error-search-budget-negative", ["search", "--budget", "-5", "--out", "/tmp/never"], 64),
        ("error-search-seed-negative", ["search", "--seed", "-1", "--out", "/tmp/never"], 64),
        ("error-search-constraint-unsatisfiable", ["search", "--constraint", "area<=-5", "--out", "/tmp/never"], 64),
        ("error-search-resume-options", ["search", "--resume", "/tmp/never", "--seed", "3", "--strategy", "random"], 64),
        ("error-search-resume-budget", ["search", "--resume", "/tmp/never", "--budget", "-1"], 64),
        ("error-search-out-file", ["search", "--out", "Package.swift"], 64),
        ("error-search-out-under-file", ["search", "--out", "Package.swift/run"], 64),
        // Issue 15: the time limit and the objective scale are parsed before any work.
        ("error-search-time-limit", ["search", "--time-limit", "5x", "--out", "/tmp/never"], 64),
        ("error-search-objective-scale", ["search", "--objective-scale", "linear", "--out", "/tmp/never"], 64),
        // Issue 15 item 4: the table benchmark's errors, one line each, before any work.
        ("error-benchmark-search-seeds", ["benchmark", "search", "--table", "/tmp/never.csv", "--seeds", "5-2"], 64),
        ("error-benchmark-search-strategy", ["benchmark", "search", "--table", "/tmp/never.csv", "--strategies", "tpe,cmaes"], 64),
        ("error-benchmark-search-budget", ["benchmark", "search", "--table", "/tmp/never.csv", "--budget", "8"], 64),
        ("error-benchmark-search-no-table", ["benchmark", "search", "--table", "/tmp/transcode-no-such-table.csv"], 1),
        ("objective-scale-small", ["objective-scale", "--sample", "20", "--rank-sample", "20"], 0),
        ("accuracy", ["accuracy", "bert-tiny", "bert-base", "fb-star", "--dynaprop", "0.01,0.0001", "--accuracy-source", "glue"], 0),
        // The default source: the predictor fitted on data/accuracy-fashion-mnist.jsonl.
        ("accuracy-measured", ["accuracy", "predict", "bert-tiny", "bert-base", "fb-star"], 0),
        ("error-rtl-both", ["rtl", "--accelerator", "acceltran-edge", "--index", "3", "--out", "/tmp/never"], 1),
        // `transcode validate` checks its options and the accelerators before any Verilator build.
        ("error-validate-out", ["validate", "--out", "/tmp/never.txt"], 64),
        ("error-validate-out-folder", ["validate", "--small", "--out", "/no/such/folder/rows.csv"], 1),
        ("error-validate-accelerator", ["validate", "--accelerator", "acceltran-huge"], 1),
        ("error-validate-dynaprop", ["validate", "--dynaprop", "0,0.02"], 64),
        (
            "simulate-bert-tiny-edge-calibrated",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--mode", "training"], 0
        ),
        ("table-show-nangate45", ["table", "show", "nangate45"], 0),
        // Bad values are usage errors (ArgumentParser's `validate()`): exit 64 with the usage.
        ("error-calibrate-compare", ["calibrate", "--compare", "design-compiler"], 64),
        ("error-calibrate-module", ["calibrate", "--modules", "mac_lane_m2_relu"], 64),
        ("error-calibrate-assemble-only-modules", ["calibrate", "--assemble-only", "--modules", "fifo_w320_d2"], 64),
        ("error-calibrate-memory-models", ["calibrate", "--memory-models", "no/such/models.json"], 1),
        // Issue 17's reproductions: one line each, with the exit status of its kind.
        ("error-usage-one-line", ["simulate", "--model", "bert-tiny"], 64),
        ("error-unknown-subcommand", ["simulat"], 64),
        ("error-negative-index", ["space", "accelerators", "decode", "--index", "-1"], 1),
        ("error-transformer-embedding-huge", ["space", "transformers", "decode", "1e20,0"], 1),
        ("error-accelerator-embedding-huge", ["space", "accelerators", "decode", "--embedding", "1e20,16,16,64,16,16,4,4,4,8,1,1"], 1),
        (
            "error-dynaprop-inf",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--dynaprop", "inf,inf", "--fast"], 1
        ),
        ("error-transformer-embedding-inf", ["space", "transformers", "decode", "inf,0"], 1),
        (
            "error-dynaprop-prunes-everything",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--dynaprop", "5,5", "--fast", "--profile", "paper"], 1
        ),
        (
            "error-dynaprop-hex",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--dynaprop", "0x10,0", "--fast"], 1
        ),
        (
            "error-dynaprop-negative",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--dynaprop", "-1,0", "--fast"], 1
        ),
        (
            "error-simulate-output-folder",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--fast", "--output", "/nonexistent/x.json"], 1
        ),
        ("error-simulate-format-yaml", ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--format", "yaml"], 64),
        (
            "error-simulate-reference-table",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--reference", "acceltran", "--table", "nangate45"], 64
        ),
        (
            "error-simulate-optimizer-inference",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--optimizer", "adam"], 64
        ),
        ("error-transformers-sample-yaml", ["space", "transformers", "sample", "2", "--format", "yaml"], 64),
        (
            "simulate-sweep-text",
            [
                "simulate", "--model", "bert-tiny", "--model", "fb-star", "--accelerator", "index:0-2", "--accelerator", "elector-star",
                "--fast",
            ], 0
        ),
        (
            "simulate-sweep-csv",
            [
                "simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--accelerator", "index:7424999", "--fast",
                "--format", "csv", "--table", "acceltran-14nm",
            ], 0
        ),
        ("error-simulate-index-range", ["simulate", "--model", "bert-tiny", "--accelerator", "index:5-2", "--fast"], 1),
        (
            "simulate-breakdown-layer",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--table", "acceltran-14nm", "--breakdown", "layer"], 0
        ),
        (
            "simulate-breakdown-operation-csv",
            [
                "simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--table", "acceltran-14nm", "--breakdown",
                "operation", "--format", "csv",
            ], 0
        ),
        (
            "error-simulate-breakdown-fast",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--breakdown", "layer", "--fast"], 64
        ),
        ("transformers-sample-json", ["space", "transformers", "sample", "2", "--seed", "3", "--format", "json"], 0),
        // Issue 17, rtl / calibrate / table: write paths checked first, negative numbers as
        // values, a wrong liberty named as such, and the table comparison without synthesis.
        ("error-rtl-negative-index", ["rtl", "--index", "-1", "--out", "/tmp/never"], 1),
        ("error-rtl-timing-out", ["rtl", "timing", "--out", "/nonexistent/timing.json"], 1),
        ("error-table-convert-out", ["table", "convert-acceltran", "--out", "/nonexistent/x.json"], 1),
        (
            "error-calibrate-liberty-garbage",
            ["calibrate", "--modules", "fifo_w320_d2", "--liberty", "/etc/passwd", "--cache", "/tmp/never-cache"], 1
        ),
        ("error-table-compare-reference", ["table", "compare", "design-compiler"], 64),
        ("table-compare-acceltran", ["table", "compare", "acceltran"], 0),
        ("error-table-show-directory", ["table", "show", "/tmp/"], 1),
        ("error-table-show-device", ["table", "show", "/dev/null"], 1),
        (
            "error-calibrate-compare-no-records",
            ["calibrate", "--assemble-only", "--compare", "acceltran", "--records", "/no/such/records.json"], 1
        ),
        // Issue 13: main memory from datasheets, its modes, power gating, and their errors.
        ("memory-bert-tiny-edge", ["memory", "--table", "acceltran-14nm"], 0),
        (
            "simulate-server-low-bandwidth-gated",
            [
                "simulate", "--model", "bert-tiny", "--accelerator", "acceltran-server", "--table", "acceltran-14nm", "--memory-mode",
                "acceltran-lb", "--power-gating", "pe",
            ], 0
        ),
        (
            "error-simulate-memory-mode",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--fast", "--memory-mode", "lb"], 1
        ),
        (
            "error-simulate-memory-datasheets",
            [
                "simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--fast", "--memory-datasheets",
                "data/memory-models.json",
            ], 1
        ),
        (
            "error-simulate-power-gating",
            ["simulate", "--model", "bert-tiny", "--accelerator", "acceltran-edge", "--fast", "--power-gating", "lanes"], 64
        ),
    ]

    @Test(arguments: cases.map(\.0))
    func commandOutputMatchesGolden(name: String) throws {
        let (_, arguments, expectedStatus) = Self.cases.first { $0.0 == name }!
        let result = try TranscodeBinary.run(arguments)
        #expect(result.status == expectedStatus)
        try GoldenFile.check(result.transcript, against: "cli/\(name).txt")
    }

    /// Several records are one JSON document (an array), not objects one after another.
    @Test func sampledModelDictsAreOneJSONArray() throws {
        let result = try TranscodeBinary.run(["space", "transformers", "sample", "3", "--format", "json"])
        let body = result.transcript.split(separator: "\n").dropFirst().dropLast().joined(separator: "\n")
        let array = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]]
        #expect(array?.count == 3)
    }
}
