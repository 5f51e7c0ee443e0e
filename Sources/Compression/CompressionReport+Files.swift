import Foundation
import Reports

extension CompressionReport {
    /// One row per model; SI units named in each header; accuracy fields empty when not
    /// measured.
    package var csv: String {
        var lines = [
            "label,cores,rank,shaping,parameters,macs,cycles,latency_s,energy_j,edp_js,edp_reduction,on_front,"
                + "test_accuracy,accuracy_after_ttsvd,ttsvd_relative_error"
        ]
        let onFront = Set(front)
        func optional(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        for (i, r) in rows.enumerated() {
            lines.append(
                [
                    r.label, r.cores.map(String.init) ?? "", r.rank.map(String.init) ?? "", r.shaping?.rawValue ?? "",
                    String(r.parameters), String(format: "%.0f", r.macs), String(r.cycles), String(r.seconds), String(r.energyJ),
                    String(r.edp), String(format: "%.4f", r.edpReduction), onFront.contains(i) ? "1" : "0", optional(r.accuracy),
                    optional(r.decomposedAccuracy), optional(r.relativeError),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// EDP against measured accuracy (against parameters when accuracy was not measured),
    /// the front drawn as a staircase and the dense baseline marked.
    package var svg: String {
        let measured = rows.allSatisfy { $0.accuracy != nil }
        let y = { (r: Row) in measured ? r.accuracy! : -Double(r.parameters) / 1e6 }
        let dense = rows[0]
        return SVGChart.scatter(
            title: "Tensor-train compression on \(table): EDP against \(measured ? "accuracy" : "parameters")",
            xLabel: "energy-delay product (J s, \(workload.rawValue))",
            yLabel: measured ? "measured test accuracy" : "-parameters (millions)", logX: true,
            all: rows.map { (x: $0.edp, y: y($0)) }, front: front.map { (x: rows[$0].edp, y: y(rows[$0])) },
            markers: [SVGChart.Marker(label: "dense", x: dense.edp, y: y(dense))])
    }
}
