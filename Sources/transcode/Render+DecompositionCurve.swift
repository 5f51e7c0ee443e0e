import CoDesign
import Foundation

extension Render {
    /// The measured students, then the fitted curve's knots.
    static func decompositionCurve(_ curve: DecompositionAccuracyCurve) -> String {
        var lines = [
            "measured students: test accuracy minus the dense teacher's, at the matrices' compression",
            pad("run", 28) + pad("student", 30) + pad("compression", 13) + pad("teacher", 9) + pad("student", 9) + "change",
        ]
        for m in curve.measurements.sorted(by: { $0.compression < $1.compression }) {
            lines.append(
                pad(m.run, 28) + pad(m.label, 30) + pad(String(format: "%.1fx", m.compression), 13)
                    + pad(String(format: "%.4f", m.teacherAccuracy), 9) + pad(String(format: "%.4f", m.accuracy), 9)
                    + String(format: "%+.4f", m.delta))
        }
        lines.append("")
        lines.append("fitted change (non-increasing, at most 0; none beyond \(String(format: "%.1fx", curve.largestCompression))):")
        lines.append(
            curve.knots.map { String(format: "%.1fx: %+.4f", $0.compression, $0.delta) }.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
