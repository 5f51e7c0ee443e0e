import CoDesign
import Foundation

extension Render {
    static func quartiles(_ q: Quartiles) -> String { String(format: "%.4f [%.4f-%.4f]", q.median, q.lower, q.upper) }

    /// The comparison of `a` against `b` (either order), with the sign of a's median advantage.
    static func pairwise(_ result: SearchTableBenchmark.Result, _ a: String, _ b: String) -> String {
        guard let c = result.comparisons.first(where: { ($0.first, $0.second) == (a, b) || ($0.first, $0.second) == (b, a) }) else {
            return "-"
        }
        let difference = c.first == a ? c.medianDifference : -c.medianDifference
        guard let test = c.test else { return "tie" }
        return (difference > 0 ? "+" : difference < 0 ? "-" : "=") + String(format: "%.4f", test.p)
    }

    /// `transcode benchmark search` as text.
    static func searchTableBenchmark(_ r: SearchTableBenchmark.Result, table: SearchTable, path: String, hash: String) -> String {
        let p = table.provenance
        let s = r.settings
        let width = 27
        var lines = [
            "table \(path): \(p.pairs) pairs (\(hash)), \(p.fidelity) mode, \(p.accuracySource) accuracy, \(p.objectiveScale.kind.rawValue) scale (\(p.objectiveScale.source)), pairs drawn with seed \(p.seed)",
            "\(s.seeds.count) seeds, budget \(s.budget), batches of \(s.batchSize), the same initial sample of \(s.initialSamples) table pairs per seed for every strategy",
            "",
            "best performance after N evaluations, median [IQR] over seeds",
            pad("strategy", 15) + s.checkpoints.map { pad("N = \($0)", width) }.joined(),
        ]
        for row in r.rows { lines.append(pad(row.name, 15) + row.best.map { pad(quartiles($0), width) }.joined()) }
        lines += [
            "", "hypervolume after N evaluations (4-D front, from the scale's reference point), median [IQR] over seeds",
            pad("strategy", 15) + s.checkpoints.map { pad("N = \($0)", width) }.joined(),
        ]
        for row in r.rows { lines.append(pad(row.name, 15) + row.hypervolume.map { pad(quartiles($0), width) }.joined()) }
        lines += [
            "",
            "evaluations after the initial sample to reach random search's final best of the same seed (0: the initial sample held it)",
            pad("strategy", 15) + pad("median", 10) + pad("IQR", 14) + "seeds that never reach it",
        ]
        for row in r.rows {
            let reached = row.evaluationsToRandomBest.compactMap { $0 }.map(Double.init)
            let q = Quartiles(reached)
            lines.append(
                pad(row.name, 15) + pad(q.map { String(format: "%.1f", $0.median) } ?? "-", 10)
                    + pad(q.map { String(format: "%.1f-%.1f", $0.lower, $0.upper) } ?? "-", 14) + "\(row.neverReached) of \(s.seeds.count)")
        }
        lines += [
            "",
            "Wilcoxon signed-rank p on the final best, row against column (sign: the row's median difference; tie: every seed equal)",
            pad("", 15) + r.rows.map { pad($0.name, 15) }.joined(),
        ]
        for a in r.rows {
            lines.append(pad(a.name, 15) + r.rows.map { b in pad(a.name == b.name ? "" : pairwise(r, a.name, b.name), 15) }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `transcode benchmark search --format csv`: one figure per line.
    static func searchTableBenchmarkCSV(_ r: SearchTableBenchmark.Result) -> String {
        var lines = ["figure,strategy,against,evaluations,lower,median,upper,count"]
        func q(_ x: Quartiles) -> String { "\(x.lower),\(x.median),\(x.upper)" }
        for row in r.rows {
            for (k, n) in r.settings.checkpoints.enumerated() {
                lines.append("best,\(row.name),,\(n),\(q(row.best[k])),\(r.settings.seeds.count)")
                lines.append("hypervolume,\(row.name),,\(n),\(q(row.hypervolume[k])),\(r.settings.seeds.count)")
            }
            let reached = row.evaluationsToRandomBest.compactMap { $0 }.map(Double.init)
            lines.append(
                "evaluations_to_random_best,\(row.name),random,,\(Quartiles(reached).map(q) ?? ",,"),\(reached.count)")
        }
        for c in r.comparisons {
            lines.append("wilcoxon_p,\(c.first),\(c.second),\(r.settings.budget),,\(c.test.map { "\($0.p)" } ?? ""),,\(c.test?.count ?? 0)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
