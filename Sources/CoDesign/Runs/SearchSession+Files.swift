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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(SearchSummary(o)).write(to: URL(fileURLWithPath: report.summaryJSON), options: .atomic)

        let curve = o.convergence.enumerated().map { (x: Double($0.offset + 1), y: $0.element) }
        try "evaluations,best_performance\n\(curve.map { "\(Int($0.x)),\($0.y)" }.joined(separator: "\n"))\n"
            .write(toFile: report.convergenceCSV, atomically: true, encoding: .utf8)
        try SVGChart.lines(
            title: "Best performance so far (\(o.settings.strategy.rawValue))", xLabel: "evaluations",
            yLabel: "performance (\(o.scale.kind.rawValue) scale)", series: [.init(name: o.settings.strategy.rawValue, points: curve)],
            yFloor: o.initialMedian, floorLabel: "initial sample median"
        )
        .write(toFile: report.convergencePlot, atomically: true, encoding: .utf8)

        let front = Set(o.pareto)
        let figures = "accuracy,latency_ms,area_mm2,dynamic_energy_j,leakage_energy_j,energy_j"
        func figureFields(_ m: PairMeasurement) -> String {
            "\(m.accuracy),\(m.latencyMS),\(m.areaMM2),\(m.dynamicEnergyJ),\(m.leakageEnergyJ),\(m.energyJ)"
        }
        var trials = "sequence,origin,\(PairDescription.csvHeader),\(figures),violated,performance,predicted,predicted_std,pareto\n"
        for e in o.evaluations {
            trials +=
                "\(e.sequence),\(e.origin),\(PairDescription(e.point).csvFields),\(figureFields(e.measurement)),\(e.violated ?? ""),\(e.performance),"
                + "\(e.predicted.map { String($0) } ?? ""),\(e.predictedStd.map { String($0) } ?? ""),\(front.contains(e.sequence))\n"
        }
        try trials.write(toFile: report.trialsCSV, atomically: true, encoding: .utf8)

        let valid = o.evaluations.filter { $0.violated == nil }
        var csv = "sequence,\(PairDescription.csvHeader),\(figures),performance\n"
        for e in valid where front.contains(e.sequence) {
            csv += "\(e.sequence),\(PairDescription(e.point).csvFields),\(figureFields(e.measurement)),\(e.performance)\n"
        }
        try csv.write(toFile: report.paretoCSV, atomically: true, encoding: .utf8)

        let accuracyName = o.settings.effectiveAccuracySource.figureName
        for (axis, path) in zip(paretoAxes, report.paretoPlots) {
            let all = valid.map { (x: axis.value($0.measurement), y: $0.measurement.accuracy) }
            let plane = ParetoFront.planeFront(cost: all.map(\.x), accuracy: all.map(\.y)).map { all[$0] }
            let frontier = valid.filter { front.contains($0.sequence) }.map { (x: axis.value($0.measurement), y: $0.measurement.accuracy) }
            let markers = o.baselines.map { SVGChart.Marker(label: $0.name, x: axis.value($0.measurement), y: $0.measurement.accuracy) }
            try SVGChart.scatter(
                title: "\(accuracyName) against \(axis.name) (\(o.settings.workload.rawValue))", xLabel: axis.label,
                yLabel: accuracyName, logX: true, all: all, front: plane, frontLabel: "front in this plane",
                highlighted: frontier, highlightLabel: "4-D front (pareto.csv)", markers: markers
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
        // Every strategy of a comparison starts from the same initial sample (same seed).
        let floor = outcomes.map(\.initialMedian).min()
        try SVGChart.lines(
            title: "Co-design convergence", xLabel: "evaluations",
            yLabel: "best performance so far (\(outcomes.first?.scale.kind.rawValue ?? "") scale)", series: series, yFloor: floor,
            floorLabel: "initial sample median"
        )
        .write(toFile: report.convergencePlot, atomically: true, encoding: .utf8)
        let n = outcomes.map(\.convergence.count).max() ?? 0
        var csv = "evaluations," + outcomes.map(\.settings.strategy.rawValue).joined(separator: ",") + "\n"
        for i in 0..<n {
            csv += "\(i + 1)," + outcomes.map { i < $0.convergence.count ? String($0.convergence[i]) : "" }.joined(separator: ",") + "\n"
        }
        try csv.write(toFile: report.convergenceCSV, atomically: true, encoding: .utf8)
    }
}
