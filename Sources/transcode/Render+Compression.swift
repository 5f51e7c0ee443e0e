import Compression
import Foundation

extension Render {
    /// The compression study as a table, HEAT's published figures beside.
    static func compression(_ report: CompressionReport, model: String, accelerator: String, setting: String?) -> String {
        var lines = [
            "HEAT tensor-train compression of \(model) on \(accelerator) (\(report.table), \(report.workload.rawValue), "
                + "\(report.fidelity) mode)"
        ]
        if let d = report.distillation, let setting {
            lines.append(
                "accuracy: \(d.dataset) test split, setting \(setting) (widths / \(d.settings.widthDivisor)), teacher trained "
                    + "\(d.settings.epochs) epoch(s), students TT-SVD + distillation \(d.distillation.hiddenEpochs) + "
                    + "\(d.distillation.predictionEpochs) epoch(s)")
        }
        /// Right-aligned in `width` (left-aligned when negative) characters.
        func cell(_ text: String, _ width: Int) -> String {
            let pad = String(repeating: " ", count: max(0, abs(width) - text.count))
            return width < 0 ? text + pad : pad + text
        }
        let widths = [-28, 9, 8, 7, 9, 10, 8, 7, 8, 6]
        func row(_ cells: [String]) -> String { zip(cells, widths).map { cell($0, $1) }.joined(separator: " ") }
        lines.append(row(["model", "params", "MMACs", "cycles", "latency", "energy", "EDP red.", "acc", "acc(svd)", "front"]))
        let onFront = Set(report.front)
        func accuracy(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "-" }
        for (i, r) in report.rows.enumerated() {
            lines.append(
                row([
                    r.label, String(r.parameters), String(format: "%.1f", r.macs / 1e6), String(r.cycles),
                    String(format: "%.1f us", r.seconds * 1e6), String(format: "%.1f uJ", r.energyJ * 1e6),
                    String(format: "%.2fx", r.edpReduction), accuracy(r.accuracy), accuracy(r.decomposedAccuracy),
                    onFront.contains(i) ? "*" : "",
                ]))
        }
        let best = report.rows.dropFirst().max { $0.edpReduction < $1.edpReduction }
        if let best {
            var line = String(format: "largest EDP reduction here: %.2fx (%@)", best.edpReduction, best.label)
            if let a = best.accuracy, let t = report.rows[0].accuracy { line += String(format: ", accuracy change %+.4f", a - t) }
            lines.append(line)
        }
        lines.append("published: \(CompressionReport.publishedSource)")
        return lines.joined(separator: "\n") + "\n"
    }
}
