import CoDesign
import Foundation

extension Render {
    /// The references and the rankings `transcode objective-scale` prints.
    static func objectiveScale(_ study: ObjectiveScaleStudy) -> String {
        let p = study.file.provenance
        var lines = [
            "references: minimum and maximum over \(p.sample) random co-design points (seed \(p.seed)), table \(p.table), fast mode"
        ]
        for (workload, _) in study.rankings {
            guard let r = study.file.workloads[workload.rawValue] else { continue }
            lines.append("\(workload.rawValue):")
            let figures: [(String, ObjectiveScale.Bounds)] = [
                ("latency (ms/seq)", r.latencyMS), ("area (mm^2)", r.areaMM2), ("dynamic energy (J/seq)", r.dynamicEnergyJ),
                ("leakage energy (J/seq)", r.leakageEnergyJ), ("energy (J/seq)", r.energyJ), ("GLUE score", r.accuracy),
            ]
            for (name, b) in figures {
                lines.append(
                    "  " + pad(name, 24) + pad(String(format: "%.4g", b.lower), 12) + pad(String(format: "%.4g", b.upper), 12)
                        + String(format: "span %.4gx", b.upper / max(b.lower, 1e-300)))
            }
        }
        lines.append("")
        lines.append(
            "ranking on \(study.rankSample) other random points (seed \(study.rankSeed)), paper weights: Spearman of performance with -Pareto rank and -dominated count; top 5% on the front"
        )
        lines.append(pad("workload", 11) + pad("scale", 11) + pad("vs Pareto rank", 16) + pad("vs dominated count", 20) + "top 5% on front")
        for (workload, rows) in study.rankings {
            for row in rows {
                lines.append(
                    pad(workload.rawValue, 11) + pad(row.kind.rawValue, 11) + pad(String(format: "%.3f", row.spearmanWithParetoRank), 16)
                        + pad(String(format: "%.3f", row.spearmanWithDominatedCount), 20) + pct(row.topShareOnFront))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
