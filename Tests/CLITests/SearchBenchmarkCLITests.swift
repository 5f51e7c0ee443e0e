import Foundation
import Testing

/// Issue 15 item 4 end to end: a tiny table, then the benchmark on it in each format.
@Suite struct SearchBenchmarkCLITests {
    @Test func aTinyTableBenchmarksInEveryFormat() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcode-bench-\(UUID())").path
        let table = dir + "/table.csv"
        let manifest = dir + "/manifest.json"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let made = try TranscodeBinary.run([
            "benchmark", "search-table", "--pairs", "60", "--seed", "1", "--out", table, "--manifest", manifest,
        ])
        #expect(made.status == 0 && made.transcript.contains("60 pairs evaluated and written"))
        let common = ["benchmark", "search", "--table", table, "--manifest", manifest, "--seeds", "0-2", "--budget", "12", "--batch", "2"]
        let text = try TranscodeBinary.run(common + ["--strategies", "tpe,nsga2", "--plot", dir + "/hv.svg"])
        #expect(text.status == 0)
        #expect(text.transcript.contains("3 seeds, budget 12, batches of 2, the same initial sample of 8 table pairs"))
        for name in ["random", "nsga2", "tpe"] { #expect(text.transcript.contains("\n\(name) ")) }
        let svg = try String(contentsOfFile: dir + "/hv.svg", encoding: .utf8)
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 3 && svg.contains(">nsga2</text>"))
        let csv = try TranscodeBinary.run(common + ["--strategies", "tpe", "--format", "csv", "--plot", dir + "/hv2.svg"])
        let lines = csv.transcript.split(separator: "\n")
        #expect(lines.contains("figure,strategy,against,evaluations,lower,median,upper,count"))
        // Checkpoints 8, 9, 12 (a quarter, half, three quarters and all of 12, none before the
        // initial sample of 8): a best performance line for each, per strategy.
        #expect(lines.filter { $0.hasPrefix("best,tpe,,") }.map { $0.split(separator: ",")[2] } == ["8", "9", "12"])
        #expect(lines.filter { $0.hasPrefix("wilcoxon_p,random,tpe,12,") }.count == 1)
        let json = try TranscodeBinary.run(common + ["--strategies", "tpe", "--format", "json", "--plot", dir + "/hv3.svg"])
        #expect(json.status == 0 && json.transcript.contains("\"curveEvaluations\""))
        // A table that is not the manifest's is refused.
        try "{}".write(toFile: manifest, atomically: true, encoding: .utf8)
        let refused = try TranscodeBinary.run(common)
        #expect(refused.status == 1 && refused.transcript.contains("not a search-table manifest"))
    }
}
