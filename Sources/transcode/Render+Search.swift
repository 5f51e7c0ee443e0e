import CoDesign
import DesignSpace
import Foundation

extension Render {
    /// One row of the search summary's table.
    static func searchRow(_ name: String, _ m: PairMeasurement, _ performance: Double) -> String {
        pad(name, 34) + pad(String(format: "%.4f", m.accuracy), 10) + pad(String(format: "%.4g", m.latencyMS), 12)
            + pad(String(format: "%.4g", m.energyJ), 12) + pad(String(format: "%.2f", m.areaMM2), 11)
            + String(format: "%.4f", performance)
    }

    /// The summary `transcode search` prints for one run.
    static func search(_ report: SearchRunReport) -> String {
        let o = report.outcome
        let directory = report.directory
        let best = o.best
        let model = best.evaluation.point.model
        let acc = best.evaluation.point.accelerator
        var lines = [
            "\(o.settings.strategy.rawValue) \(o.settings.mode) search, \(o.settings.workload.rawValue), seed \(o.settings.seed): \(o.evaluations.count) evaluations (stopped by \(o.stoppedBy))",
            "best pair (re-simulated at cycle level): \(model.layers.count) layers, hidden \(model.layers.map { String($0.hiddenSize) }.joined(separator: "/")); accelerator \(AcceleratorSpace.index(of: acc)): \(acc.processingElements) PEs x \(acc.macLanesPerPE) lanes x \(acc.macsPerLane) MACs, tile \(acc.batchTile)x\(acc.spatialTile)x\(acc.spatialTile), \(acc.mainMemory); tau_I \(best.evaluation.tauI), tau_T \(best.evaluation.tauT)",
            "",
            pad("pair", 34) + pad("GLUE", 10) + pad("ms/seq", 12) + pad("J/seq", 12) + pad("mm^2", 11) + "performance",
            searchRow("best found", best.cycleLevel, best.performance),
        ]
        for b in o.baselines { lines.append(searchRow(b.name, b.measurement, b.performance)) }
        lines += [
            "",
            "Pareto front: \(o.pareto.count) non-dominated pairs over (accuracy, latency, area, energy), hypervolume \(String(format: "%.4f", o.hypervolume))",
            "model:       \(report.bestModelFile)",
            "accelerator: \(report.bestAcceleratorFile)",
            "RTL:         transcode rtl --accelerator \(report.bestAcceleratorFile) --out \(directory)/rtl",
            "plots:       \(([report.convergencePlot] + report.paretoPlots).joined(separator: ", "))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table `transcode search --compare` prints.
    static func searchComparison(_ report: SearchComparisonReport) -> String {
        var lines = [pad("strategy", 16) + pad("best", 10) + pad("hypervolume", 14) + "evaluations to reach random search's best"]
        for row in report.rows {
            let reach = row.evaluationsToReachRandomBest.map(String.init) ?? "not reached"
            lines.append(
                pad(row.strategy.rawValue, 16) + pad(String(format: "%.4f", row.best), 10)
                    + pad(String(format: "%.4f", row.hypervolume), 14) + reach)
        }
        lines.append("curves: \(report.convergencePlot), \(report.convergenceCSV)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One progress line on standard error after each batch.
    static func searchProgress(_ p: SearchProgress) -> String {
        let reused = p.reused > 0 ? ", \(p.reused) from the log" : ""
        return String(
            format: "iteration %d: %d/%d evaluations%@, best %.4f, %.1f s\n",
            p.iteration, p.evaluations, p.budget, reused, p.best, p.elapsedSeconds)
    }
}
