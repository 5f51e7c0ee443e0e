import DesignSpace
import Foundation
import Reports

// The files of a finished run or comparison, written where its report says.
extension SearchSession {
    /// The Pareto plots' x axes: file-name part, axis label and the figure plotted.
    static let paretoAxes: [(name: String, label: String, value: @Sendable (PairMeasurement) -> Double)] = [
        ("latency", "latency (ms per sequence, log)", { $0.latencyMS }),
        ("area", "chip area (mm^2, log)", { $0.areaMM2 }),
        ("energy", "energy (J per sequence, log)", { $0.energyJ }),
    ]

    static func writeFiles(of report: SearchRunReport) throws {
        let o = report.outcome
        let best = o.best.evaluation.point
        try ModelDict.render(best.model).write(toFile: report.bestModelFile, atomically: true, encoding: .utf8)
        try AcceleratorFile.render(best.accelerator).write(toFile: report.bestAcceleratorFile, atomically: true, encoding: .utf8)
        let curve = o.convergence.enumerated().map { (x: Double($0.offset + 1), y: $0.element) }
        try "evaluations,best_performance\n\(curve.map { "\(Int($0.x)),\($0.y)" }.joined(separator: "\n"))\n"
            .write(toFile: report.convergenceCSV, atomically: true, encoding: .utf8)
        try SVGChart.lines(
            title: "Best performance so far (\(o.settings.strategy.rawValue))", xLabel: "evaluations",
            yLabel: "performance", series: [.init(name: o.settings.strategy.rawValue, points: curve)]
        )
        .write(toFile: report.convergencePlot, atomically: true, encoding: .utf8)

        let valid = o.evaluations.filter { $0.violated == nil }
        let front = Set(o.pareto)
        var csv = "sequence,pareto,accuracy,latency_ms,area_mm2,energy_j,performance\n"
        for e in valid {
            let m = e.measurement
            csv += "\(e.sequence),\(front.contains(e.sequence)),\(m.accuracy),\(m.latencyMS),\(m.areaMM2),\(m.energyJ),\(e.performance)\n"
        }
        try csv.write(toFile: report.paretoCSV, atomically: true, encoding: .utf8)
        for (axis, path) in zip(paretoAxes, report.paretoPlots) {
            let all = valid.map { (x: axis.value($0.measurement), y: $0.measurement.accuracy) }
            let frontier = valid.filter { front.contains($0.sequence) }.map { (x: axis.value($0.measurement), y: $0.measurement.accuracy) }
            let markers = o.baselines.map { SVGChart.Marker(label: $0.name, x: axis.value($0.measurement), y: $0.measurement.accuracy) }
            try SVGChart.scatter(
                title: "GLUE score against \(axis.name) (\(o.settings.workload.rawValue))", xLabel: axis.label,
                yLabel: "GLUE score", logX: true, all: all, front: frontier, markers: markers
            )
            .write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    static func writeFiles(of report: SearchComparisonReport) throws {
        let outcomes = report.rows.map(\.outcome)
        let series = outcomes.map { o in
            SVGChart.Series(
                name: o.settings.strategy.rawValue, points: o.convergence.enumerated().map { (x: Double($0.offset + 1), y: $0.element) })
        }
        try SVGChart.lines(title: "Co-design convergence", xLabel: "evaluations", yLabel: "best performance so far", series: series)
            .write(toFile: report.convergencePlot, atomically: true, encoding: .utf8)
        let n = outcomes.map(\.convergence.count).max() ?? 0
        var csv = "evaluations," + outcomes.map(\.settings.strategy.rawValue).joined(separator: ",") + "\n"
        for i in 0..<n {
            csv += "\(i + 1)," + outcomes.map { i < $0.convergence.count ? String($0.convergence[i]) : "" }.joined(separator: ",") + "\n"
        }
        try csv.write(toFile: report.convergenceCSV, atomically: true, encoding: .utf8)
    }
}
