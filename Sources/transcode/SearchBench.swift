import ArgumentParser
import CoDesign
import DesignSpace
import Foundation
import Reports

/// `transcode benchmark search`: every strategy on every seed of a frozen search table.
struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Every search strategy on every seed of a frozen table: best performance, hypervolume, Wilcoxon p.",
        discussion: """
            Runs each strategy on each seed of a table from 'transcode benchmark search-table'; every
            strategy starts a seed from the same initial sample (a quarter of the budget). A proposal
            becomes the nearest pair of the table (in the search encoding) not yet evaluated, so each
            evaluation is a lookup. Prints, at a quarter, half, three quarters and all of the budget,
            the median and IQR over seeds of the best performance and of the hypervolume (4-D, on the
            table's objective scale, from its declared reference point); the evaluations after the
            initial sample each strategy needs to reach random search's final best of the same seed;
            and Wilcoxon's signed-rank p of every strategy against every other on the final best.
            Writes an SVG of hypervolume against evaluations (median and IQR band per strategy).

            Examples:
              transcode benchmark search --table .cache/search-table/pairs-100000-seed-0.csv --manifest data/search-table.json --seeds 0-19 --budget 96
              transcode benchmark search --table /tmp/table-2k.csv --seeds 0-4 --budget 48 --strategies random,tpe,nsga2 --format csv
            """)
    @Option(help: "Table file from 'transcode benchmark search-table'.") var table: String
    @Option(help: "Seeds: ranges and lists, e.g. 0-19 or 0,3,5-7.") var seeds: String = "0-19"
    @Option(parsing: .unconditional, help: "Evaluations per run, the initial sample included.") var budget: Int = 96
    @Option(parsing: .unconditional, help: "Points per batch.") var batch: Int = 8
    @Option(help: "Comma-separated strategies (random is always run: it sets the target) (default: all).") var strategies: String?
    @Option(
        help:
            "A manifest from 'transcode benchmark search-table --manifest' (e.g. data/search-table.json): refuse a table whose content hash differs."
    )
    var manifest: String?
    @Option(help: "text, json or csv.") var format: Format = .text
    @Option(help: "Where to write the hypervolume plot (SVG).") var plot: String = "runs/benchmark-search/hypervolume.svg"

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    /// `0-19`, `0,3,5-7`: seeds in the order given, each once.
    static func parseSeeds(_ text: String) throws -> [UInt64] {
        var seeds: [UInt64] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false).map { UInt64($0) }
            guard (1...2).contains(ends.count), ends.allSatisfy({ $0 != nil }), ends.first!! <= ends.last!! else {
                throw ValidationError("invalid --seeds \(text): allowed seeds and ranges of whole numbers such as 0-19 or 0,3,5-7")
            }
            for s in ends.first!!...ends.last!! where !seeds.contains(s) { seeds.append(s) }
        }
        return seeds
    }

    func parsedStrategies() throws -> [SearchStrategy] {
        guard let strategies else { return SearchStrategy.allCases }
        var list: [SearchStrategy] = [.random]
        for name in strategies.split(separator: ",") {
            guard let s = SearchStrategy(rawValue: String(name)) else {
                throw ValidationError(
                    "invalid --strategies \(strategies): '\(name)' is not one of \(SearchStrategy.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            if !list.contains(s) { list.append(s) }
        }
        return SearchStrategy.allCases.filter(list.contains)
    }

    func validate() throws {
        _ = try Self.parseSeeds(seeds)
        _ = try parsedStrategies()
        guard batch >= 1 else { throw ValidationError("invalid --batch \(batch): allowed at least 1") }
        let initial = SearchTableBenchmark.Settings(seeds: [0], budget: budget).initialSamples
        guard budget > initial else {
            throw ValidationError("invalid --budget \(budget): allowed more than its initial sample of \(initial) (a quarter, at least 8)")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let loaded: (table: SearchTable, hash: String)
        do {
            loaded = try SearchTable.read(path: table)
        } catch CoDesignError.unreadableData(let path, let reason) where reason == "no such file" {
            throw CLIError("cannot read \(path): no such file (generate it with 'transcode benchmark search-table --out \(path)')")
        }
        let readSeconds = (clock.now - started).seconds
        if let manifest {
            let expected = try SearchTableManifest.read(path: manifest)
            guard expected.hash == loaded.hash else {
                throw CLIError(
                    "\(table) has content hash \(loaded.hash), and --manifest \(manifest) records \(expected.hash): regenerate the table with '\(expected.command)'"
                )
            }
        }
        let settings = SearchTableBenchmark.Settings(seeds: try Self.parseSeeds(seeds), budget: budget, batchSize: batch)
        let result = try SearchTableBenchmark.run(
            table: loaded.table, contenders: try parsedStrategies().map { .strategy($0) }, settings: settings)
        let seconds = (clock.now - started).seconds
        let chart = SVGChart.bands(
            title: "Hypervolume against evaluations: median and IQR over \(settings.seeds.count) seeds", xLabel: "evaluations",
            yLabel: "hypervolume (4-D, \(loaded.table.provenance.objectiveScale.kind.rawValue) scale)",
            series: result.rows.map { row in
                SVGChart.Band(
                    name: row.name,
                    points: zip(result.curveEvaluations, row.hypervolumeCurve).map { (Double($0), $1.lower, $1.median, $1.upper) })
            })
        let folder = (plot as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do {
            try chart.write(toFile: plot, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError("cannot write --plot \(plot): \(error.localizedDescription)")
        }
        switch format {
        case .text:
            print(Render.searchTableBenchmark(result, table: loaded.table, path: table, hash: loaded.hash), terminator: "")
            print(String(format: "wall time %.1f s (reading the table %.1f s); hypervolume plot: %@", seconds, readSeconds, plot))
        case .json: print(Render.json(SearchBenchmarkRecord(result, path: table, hash: loaded.hash)))
        case .csv: print(Render.searchTableBenchmarkCSV(result), terminator: "")
        }
    }
}
