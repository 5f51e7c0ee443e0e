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
        let r = o.scale.referencePoint
        let accuracyName = o.settings.effectiveAccuracySource.figureName
        var lines = [
            "\(o.settings.strategy.rawValue) \(o.settings.mode) search, \(o.settings.workload.rawValue), seed \(o.settings.seed): \(o.evaluations.count) evaluations (stopped by \(o.stoppedBy))",
            "objective scale: \(o.scale.kind.rawValue), from \(o.scale.source)",
            "best pair (re-simulated at cycle level): \(model.layers.count) layers, hidden \(model.layers.map { String($0.hiddenSize) }.joined(separator: "/")); accelerator \(AcceleratorSpace.index(of: acc)): \(acc.processingElements) PEs x \(acc.macLanesPerPE) lanes x \(acc.macsPerLane) MACs, tile \(acc.batchTile)x\(acc.spatialTile)x\(acc.spatialTile), \(acc.mainMemory); tau_I \(best.evaluation.tauI), tau_T \(best.evaluation.tauT)",
            "",
            pad("pair", 34) + pad(accuracyName, 10) + pad("ms/seq", 12) + pad("J/seq", 12) + pad("mm^2", 11) + "performance",
            searchRow("best found", best.cycleLevel, best.performance),
        ]
        let pair = PairDescription(best.evaluation.point)
        if let tt = pair.tensorTrain, let c = pair.matrixCompression {
            lines.insert(String(format: "best pair's tensor-train matrices: %@ (%.1fx fewer matrix weights)", tt, c), at: 3)
        }
        for b in o.baselines { lines.append(searchRow(b.name, b.measurement, b.performance)) }
        lines += [
            "",
            "Pareto front: \(o.pareto.count) non-dominated pairs over (accuracy, latency, area, energy) in \(report.paretoCSV)",
            "hypervolume \(String(format: "%.4f", o.hypervolume)) on the \(o.scale.kind.rawValue) scale, from \(accuracyName) \(String(format: "%.4g", r.accuracy)), \(String(format: "%.4g", r.latencyMS)) ms, \(String(format: "%.4g", r.areaMM2)) mm^2, \(String(format: "%.4g", r.energyJ)) J",
            "summary:     \(report.summaryJSON), trials: \(report.trialsCSV)",
            "model:       \(report.bestModelFile)",
            "accelerator: \(report.bestAcceleratorFile)",
            "RTL:         transcode rtl --accelerator \(report.bestAcceleratorFile) --out \(directory)/rtl",
            "plots:       \(([report.convergencePlot] + report.paretoPlots).joined(separator: ", "))",
        ]
        if o.stoppedBy == "time limit" {
            lines.append(
                "stopped by the time limit after \(o.evaluations.count) of \(o.settings.budget) evaluations: continue with transcode search --resume \(directory)"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table `transcode search --compare` prints.
    static func searchComparison(_ report: SearchComparisonReport) -> String {
        let initial = report.rows.first?.outcome.initialSamples ?? 0
        var lines = [
            "every strategy starts from the same \(initial) random points; evaluations to reach random search's best are counted after them (0: those points held it)",
            pad("strategy", 16) + pad("best", 10) + pad("hypervolume", 14) + pad("evals to random's best", 24) + "folder",
        ]
        for row in report.rows {
            let reach =
                !report.randomBestKnown ? "random unfinished" : row.evaluationsToReachRandomBest.map(String.init) ?? "not reached"
            let stopped = row.outcome.stoppedBy == "time limit" ? " (stopped by the time limit)" : ""
            lines.append(
                pad(row.strategy.rawValue, 16) + pad(String(format: "%.4f", row.best), 10)
                    + pad(String(format: "%.4f", row.hypervolume), 14) + pad(reach, 24) + row.directory + stopped)
        }
        for strategy in report.pending { lines.append(pad(strategy.rawValue, 16) + "not started (time limit)") }
        if let scale = report.rows.first?.outcome.scale {
            lines.append("performance and hypervolume on the \(scale.kind.rawValue) scale, from \(scale.source)")
        }
        lines.append("curves: \(report.convergencePlot), \(report.convergenceCSV)")
        if !report.complete {
            lines.append("continue with transcode search --compare --resume \(report.directory)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One progress line on standard error after each batch.
    static func searchProgress(_ p: SearchProgress) -> String {
        let reused =
            p.reused > 0
            ? ", \(p.reused) from the log" + (p.replayedBatches > 0 ? " (\(p.replayedBatches) batches from proposals.jsonl)" : "") : ""
        return String(
            format: "iteration %d: %d/%d evaluations%@, best %.4f, %.1f s\n",
            p.iteration, p.evaluations, p.budget, reused, p.best, p.elapsedSeconds)
    }
}
