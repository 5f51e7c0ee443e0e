import Foundation

/// Minimal, dependency-free SVG charts that open in any browser: line charts for convergence
/// curves and scatter plots for Pareto fronts.
package enum SVGChart {
    /// A named series of (x, y) points.
    package struct Series: Sendable {
        package let name: String
        package let points: [(x: Double, y: Double)]
        package init(name: String, points: [(x: Double, y: Double)]) {
            self.name = name
            self.points = points
        }
    }

    /// A labelled marker drawn on top of a scatter plot (e.g. a baseline pair).
    package struct Marker: Sendable {
        package let label: String
        package let x: Double
        package let y: Double
        package init(label: String, x: Double, y: Double) {
            self.label = label
            self.x = x
            self.y = y
        }
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"]
    static let (width, height, left, right, top, bottom) = (720.0, 480.0, 80.0, 180.0, 40.0, 60.0)

    struct Axes {
        let x0: Double, x1: Double, y0: Double, y1: Double, logX: Bool
        func px(_ x: Double) -> Double {
            let t = logX ? (log10(x) - log10(x0)) / max(log10(x1) - log10(x0), 1e-12) : (x - x0) / max(x1 - x0, 1e-12)
            return left + t * (width - left - right)
        }
        func py(_ y: Double) -> Double { height - bottom - (y - y0) / max(y1 - y0, 1e-12) * (height - top - bottom) }
    }

    static func axes(_ xs: [Double], _ ys: [Double], logX: Bool) -> Axes {
        let xv = logX ? xs.filter { $0 > 0 } : xs
        var (x0, x1) = (xv.min() ?? 0, xv.max() ?? 1)
        var (y0, y1) = (ys.min() ?? 0, ys.max() ?? 1)
        if x0 == x1 {
            x0 = logX ? x0 / 2 : x0 - 1
            x1 = logX ? x1 * 2 : x1 + 1
        }
        if y0 == y1 {
            y0 -= 0.5
            y1 += 0.5
        }
        let pad = (y1 - y0) * 0.05
        return Axes(x0: x0, x1: x1, y0: y0 - pad, y1: y1 + pad, logX: logX)
    }

    static func frame(_ a: Axes, title: String, xLabel: String, yLabel: String) -> [String] {
        var s = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"\(width / 2)\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>",
            "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"black\"/>",
            "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\" stroke=\"black\"/>",
            "<text x=\"\((left + width - right) / 2)\" y=\"\(height - 18)\" text-anchor=\"middle\">\(escape(xLabel))</text>",
            "<text transform=\"translate(20 \((top + height - bottom) / 2)) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>",
        ]
        for k in 0...4 {
            let fx = Double(k) / 4
            let xv = a.logX ? pow(10, log10(a.x0) + fx * (log10(a.x1) - log10(a.x0))) : a.x0 + fx * (a.x1 - a.x0)
            let yv = a.y0 + fx * (a.y1 - a.y0)
            s.append("<text x=\"\(a.px(xv))\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\">\(tick(xv))</text>")
            s.append("<text x=\"\(left - 6)\" y=\"\(a.py(yv) + 4)\" text-anchor=\"end\">\(tick(yv))</text>")
            s.append("<line x1=\"\(left)\" y1=\"\(a.py(yv))\" x2=\"\(width - right)\" y2=\"\(a.py(yv))\" stroke=\"#eee\"/>")
        }
        return s
    }

    /// Lines, e.g. best performance so far against evaluations.
    package static func lines(title: String, xLabel: String, yLabel: String, series: [Series]) -> String {
        let a = axes(series.flatMap { $0.points.map(\.x) }, series.flatMap { $0.points.map(\.y) }, logX: false)
        var s = frame(a, title: title, xLabel: xLabel, yLabel: yLabel)
        for (i, line) in series.enumerated() {
            let color = palette[i % palette.count]
            let path = line.points.map { "\(a.px($0.x)),\(a.py($0.y))" }.joined(separator: " ")
            s.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(path)\"/>")
            s.append("<text x=\"\(width - right + 10)\" y=\"\(top + 20 + Double(i) * 18)\" fill=\"\(color)\">\(escape(line.name))</text>")
        }
        return (s + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    /// Points, with the front highlighted and connected, and labelled markers.
    package static func scatter(
        title: String, xLabel: String, yLabel: String, logX: Bool,
        all: [(x: Double, y: Double)], front: [(x: Double, y: Double)], markers: [Marker]
    ) -> String {
        let xs = all.map(\.x) + markers.map(\.x)
        let ys = all.map(\.y) + markers.map(\.y)
        let a = axes(xs, ys, logX: logX)
        var s = frame(a, title: title, xLabel: xLabel, yLabel: yLabel)
        for p in all where !logX || p.x > 0 {
            s.append("<circle cx=\"\(a.px(p.x))\" cy=\"\(a.py(p.y))\" r=\"2.5\" fill=\"#9ecae1\"/>")
        }
        let sorted = front.filter { !logX || $0.x > 0 }.sorted { $0.x < $1.x }
        s.append(
            "<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\" points=\"\(sorted.map { "\(a.px($0.x)),\(a.py($0.y))" }.joined(separator: " "))\"/>"
        )
        for p in sorted { s.append("<circle cx=\"\(a.px(p.x))\" cy=\"\(a.py(p.y))\" r=\"4\" fill=\"#d62728\"/>") }
        for (i, m) in markers.enumerated() where !logX || m.x > 0 {
            s.append("<rect x=\"\(a.px(m.x) - 5)\" y=\"\(a.py(m.y) - 5)\" width=\"10\" height=\"10\" fill=\"black\"/>")
            s.append("<text x=\"\(width - right + 10)\" y=\"\(top + 20 + Double(i) * 18)\">&#9632; \(escape(m.label))</text>")
        }
        s.append(
            "<text x=\"\(width - right + 10)\" y=\"\(top + 20 + Double(markers.count) * 18)\" fill=\"#d62728\">&#9679; Pareto front</text>")
        return (s + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    static func tick(_ v: Double) -> String {
        if v == 0 { return "0" }
        let m = abs(v)
        return m >= 1000 || m < 0.01 ? String(format: "%.2g", v) : String(format: m >= 10 ? "%.0f" : "%.3g", v)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
