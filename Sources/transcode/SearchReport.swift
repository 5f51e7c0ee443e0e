import CoDesign
import DesignSpace
import Foundation
import Reports

/// Files and text for a finished search.
enum SearchReport {
    static func row(_ name: String, _ m: PairMeasurement, _ performance: Double) -> String {
        Render.pad(name, 34) + Render.pad(String(format: "%.4f", m.accuracy), 10) + Render.pad(String(format: "%.4g", m.latencyMS), 12)
            + Render.pad(String(format: "%.4g", m.energyJ), 12) + Render.pad(String(format: "%.2f", m.areaMM2), 11)
            + String(format: "%.4f", performance)
    }

    static func summary(_ o: SearchOutcome, directory: String) -> String {
        let best = o.best
        let model = best.evaluation.point.model
        let acc = best.evaluation.point.accelerator
        var lines = [
            "\(o.settings.strategy.rawValue) \(o.settings.mode) search, \(o.settings.workload.rawValue), seed \(o.settings.seed): \(o.evaluations.count) evaluations (stopped by \(o.stoppedBy))",
            "best pair (re-simulated at cycle level): \(model.layers.count) layers, hidden \(model.layers.map { String($0.hiddenSize) }.joined(separator: "/")); accelerator \(AcceleratorSpace.index(of: acc)): \(acc.processingElements) PEs x \(acc.macLanesPerPE) lanes x \(acc.macsPerLane) MACs, tile \(acc.batchTile)x\(acc.spatialTile)x\(acc.spatialTile), \(acc.mainMemory); tau_I \(best.evaluation.tauI), tau_T \(best.evaluation.tauT)",
            "",
            Render.pad("pair", 34) + Render.pad("GLUE", 10) + Render.pad("ms/seq", 12) + Render.pad("J/seq", 12) + Render.pad("mm^2", 11) + "performance",
            row("best found", best.cycleLevel, best.performance),
        ]
        for b in o.baselines { lines.append(row(b.name, b.measurement, b.performance)) }
        lines += [
            "",
            "Pareto front: \(o.pareto.count) non-dominated pairs over (accuracy, latency, area, energy), hypervolume \(String(format: "%.4f", o.hypervolume))",
            "model:       \(directory)/best-model.json",
            "accelerator: \(directory)/best-accelerator.yaml",
            "RTL:         transcode rtl --accelerator \(directory)/best-accelerator.yaml --out \(directory)/rtl",
            "plots:       \(directory)/convergence.svg, \(directory)/pareto-latency.svg, \(directory)/pareto-area.svg, \(directory)/pareto-energy.svg",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func write(_ o: SearchOutcome, directory: String) throws {
        let best = o.best.evaluation.point
        try ModelDict.render(best.model).write(toFile: "\(directory)/best-model.json", atomically: true, encoding: .utf8)
        try AcceleratorFile.render(best.accelerator).write(toFile: "\(directory)/best-accelerator.yaml", atomically: true, encoding: .utf8)
        let curve = o.convergence.enumerated().map { (x: Double($0.offset + 1), y: $0.element) }
        try "evaluations,best_performance\n\(curve.map { "\(Int($0.x)),\($0.y)" }.joined(separator: "\n"))\n"
            .write(toFile: "\(directory)/convergence.csv", atomically: true, encoding: .utf8)
        try SVGChart.lines(title: "Best performance so far (\(o.settings.strategy.rawValue))", xLabel: "evaluations",
                           yLabel: "performance", series: [.init(name: o.settings.strategy.rawValue, points: curve)])
            .write(toFile: "\(directory)/convergence.svg", atomically: true, encoding: .utf8)

        let valid = o.evaluations.filter { $0.violated == nil }
        let front = Set(o.pareto)
        var csv = "sequence,pareto,accuracy,latency_ms,area_mm2,energy_j,performance\n"
        for e in valid {
            let m = e.measurement
            csv += "\(e.sequence),\(front.contains(e.sequence)),\(m.accuracy),\(m.latencyMS),\(m.areaMM2),\(m.energyJ),\(e.performance)\n"
        }
        try csv.write(toFile: "\(directory)/pareto.csv", atomically: true, encoding: .utf8)
        for (name, label, value) in [
            ("latency", "latency (ms per sequence, log)", { (m: PairMeasurement) in m.latencyMS }),
            ("area", "chip area (mm^2, log)", { (m: PairMeasurement) in m.areaMM2 }),
            ("energy", "energy (J per sequence, log)", { (m: PairMeasurement) in m.energyJ }),
        ] {
            let all = valid.map { (x: value($0.measurement), y: $0.measurement.accuracy) }
            let frontier = valid.filter { front.contains($0.sequence) }.map { (x: value($0.measurement), y: $0.measurement.accuracy) }
            let markers = o.baselines.map { SVGChart.Marker(label: $0.name, x: value($0.measurement), y: $0.measurement.accuracy) }
            try SVGChart.scatter(title: "GLUE score against \(name) (\(o.settings.workload.rawValue))", xLabel: label, yLabel: "GLUE score",
                                 logX: true, all: all, front: frontier, markers: markers)
                .write(toFile: "\(directory)/pareto-\(name).svg", atomically: true, encoding: .utf8)
        }
    }

    /// Evaluations a strategy needed to reach `target`, or nil if it never did.
    static func evaluationsToReach(_ o: SearchOutcome, _ target: Double) -> Int? {
        o.convergence.firstIndex { $0 >= target - 1e-12 }.map { $0 + 1 }
    }

    static func comparison(_ outcomes: [SearchOutcome], directory: String) -> String {
        let randomBest = outcomes.first { $0.settings.strategy == .random }?.convergence.last ?? .infinity
        var lines = [Render.pad("strategy", 16) + Render.pad("best", 10) + Render.pad("hypervolume", 14) + "evaluations to reach random search's best"]
        for o in outcomes {
            let reach = evaluationsToReach(o, randomBest).map(String.init) ?? "not reached"
            lines.append(Render.pad(o.settings.strategy.rawValue, 16) + Render.pad(String(format: "%.4f", o.convergence.last ?? 0), 10)
                + Render.pad(String(format: "%.4f", o.hypervolume), 14) + reach)
        }
        lines.append("curves: \(directory)/convergence.svg, \(directory)/convergence.csv")
        return lines.joined(separator: "\n") + "\n"
    }

    static func writeComparison(_ outcomes: [SearchOutcome], directory: String) throws {
        let series = outcomes.map { o in
            SVGChart.Series(name: o.settings.strategy.rawValue, points: o.convergence.enumerated().map { (x: Double($0.offset + 1), y: $0.element) })
        }
        try SVGChart.lines(title: "Co-design convergence", xLabel: "evaluations", yLabel: "best performance so far", series: series)
            .write(toFile: "\(directory)/convergence.svg", atomically: true, encoding: .utf8)
        let n = outcomes.map(\.convergence.count).max() ?? 0
        var csv = "evaluations," + outcomes.map(\.settings.strategy.rawValue).joined(separator: ",") + "\n"
        for i in 0..<n {
            csv += "\(i + 1)," + outcomes.map { i < $0.convergence.count ? String($0.convergence[i]) : "" }.joined(separator: ",") + "\n"
        }
        try csv.write(toFile: "\(directory)/convergence.csv", atomically: true, encoding: .utf8)
    }
}
