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

    static func axes(_ xs: [Double], _ ys: [Double], logX: Bool, yFloor: Double? = nil) -> Axes {
        let xv = logX ? xs.filter { $0 > 0 } : xs
        var (x0, x1) = (xv.min() ?? 0, xv.max() ?? 1)
        var (y0, y1) = (ys.min() ?? 0, ys.max() ?? 1)
        if let yFloor {
            y0 = yFloor
            y1 = max(y1, yFloor)
        }
        if x0 == x1 {
            x0 = logX ? x0 / 2 : x0 - 1
            x1 = logX ? x1 * 2 : x1 + 1
        }
        if y0 == y1 {
            y0 -= 0.5
            y1 += 0.5
        }
        let pad = (y1 - y0) * 0.05
        return Axes(x0: x0, x1: x1, y0: yFloor ?? (y0 - pad), y1: y1 + pad, logX: logX)
    }

    /// With `xTicks`, the x values are positions 0, 1, ... of named categories (e.g. thresholds
    /// that include 0, which a log axis cannot show), labelled with these names.
    static func frame(_ a: Axes, title: String, xLabel: String, yLabel: String, xTicks: [String]? = nil) -> [String] {
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
            if xTicks == nil {
                s.append("<text x=\"\(a.px(xv))\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\">\(tick(xv))</text>")
            }
            s.append("<text x=\"\(left - 6)\" y=\"\(a.py(yv) + 4)\" text-anchor=\"end\">\(tick(yv))</text>")
            s.append("<line x1=\"\(left)\" y1=\"\(a.py(yv))\" x2=\"\(width - right)\" y2=\"\(a.py(yv))\" stroke=\"#eee\"/>")
        }
        for (i, name) in (xTicks ?? []).enumerated() {
            s.append("<text x=\"\(a.px(Double(i)))\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\">\(escape(name))</text>")
        }
        return s
    }

    /// Lines, e.g. best performance so far against evaluations. With `yFloor`, the y axis
    /// starts there (a convergence plot starts at the initial sample's median, drawn dashed
    /// and named `floorLabel`), so that gaps are drawn at their size against that level.
    package static func lines(
        title: String, xLabel: String, yLabel: String, series: [Series], yFloor: Double? = nil, floorLabel: String? = nil,
        xTicks: [String]? = nil
    ) -> String {
        let a = axes(series.flatMap { $0.points.map(\.x) }, series.flatMap { $0.points.map(\.y) }, logX: false, yFloor: yFloor)
        var s = frame(a, title: title, xLabel: xLabel, yLabel: yLabel, xTicks: xTicks)
        for (i, line) in series.enumerated() {
            let color = palette[i % palette.count]
            let path = line.points.map { "\(a.px($0.x)),\(a.py(max($0.y, a.y0)))" }.joined(separator: " ")
            s.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(path)\"/>")
            for p in line.points where xTicks != nil {
                s.append("<circle cx=\"\(a.px(p.x))\" cy=\"\(a.py(max(p.y, a.y0)))\" r=\"3\" fill=\"\(color)\"/>")
            }
            s.append("<text x=\"\(width - right + 10)\" y=\"\(top + 20 + Double(i) * 18)\" fill=\"\(color)\">\(escape(line.name))</text>")
        }
        if let yFloor, let floorLabel {
            let y = a.py(yFloor)
            s.append(
                "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>")
            s.append(
                "<text x=\"\(width - right + 10)\" y=\"\(top + 20 + Double(series.count) * 18)\" fill=\"#555\">- - \(escape(floorLabel))</text>"
            )
        }
        return (s + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    /// Shapes and colours of the markers, one each, so that no two baselines look alike.
    static let markerStyles: [(shape: String, color: String)] = [
        ("square", "#000000"), ("triangle", "#9467bd"), ("diamond", "#8c564b"), ("cross", "#17becf"),
    ]

    static func markerShape(_ style: (shape: String, color: String), x: Double, y: Double) -> String {
        switch style.shape {
        case "triangle":
            return "<polygon points=\"\(x),\(y - 6) \(x - 6),\(y + 5) \(x + 6),\(y + 5)\" fill=\"\(style.color)\"/>"
        case "diamond":
            return "<polygon points=\"\(x),\(y - 7) \(x + 6),\(y) \(x),\(y + 7) \(x - 6),\(y)\" fill=\"\(style.color)\"/>"
        case "cross":
            return
                "<path d=\"M\(x - 5),\(y - 5) L\(x + 5),\(y + 5) M\(x - 5),\(y + 5) L\(x + 5),\(y - 5)\" stroke=\"\(style.color)\" stroke-width=\"2.5\"/>"
        default:
            return "<rect x=\"\(x - 5)\" y=\"\(y - 5)\" width=\"10\" height=\"10\" fill=\"\(style.color)\"/>"
        }
    }

    static let markerGlyphs = ["square": "&#9632;", "triangle": "&#9650;", "diamond": "&#9670;", "cross": "&#10005;"]

    /// Points, with two fronts, and labelled markers.
    ///
    /// `front` is the plane's own Pareto front (least x, most y), computed by the caller in
    /// this plane and drawn as the staircase of the region it dominates. `highlighted` are
    /// other points to ring (a run rings its 4-D front, most of whose points are not on the
    /// plane's front). Each marker gets its own shape and colour, and its label beside it
    /// and in the legend.
    package static func scatter(
        title: String, xLabel: String, yLabel: String, logX: Bool,
        all: [(x: Double, y: Double)], front: [(x: Double, y: Double)], frontLabel: String = "Pareto front",
        highlighted: [(x: Double, y: Double)] = [], highlightLabel: String = "", markers: [Marker]
    ) -> String {
        let xs = all.map(\.x) + markers.map(\.x)
        let ys = all.map(\.y) + markers.map(\.y)
        let a = axes(xs, ys, logX: logX)
        var s = frame(a, title: title, xLabel: xLabel, yLabel: yLabel)
        for p in all where !logX || p.x > 0 {
            s.append("<circle cx=\"\(a.px(p.x))\" cy=\"\(a.py(p.y))\" r=\"2.5\" fill=\"#9ecae1\"/>")
        }
        for p in highlighted where !logX || p.x > 0 {
            s.append("<circle cx=\"\(a.px(p.x))\" cy=\"\(a.py(p.y))\" r=\"5\" fill=\"none\" stroke=\"#ff7f0e\" stroke-width=\"1.5\"/>")
        }
        // Staircase: from each front point right to the next one's cost, then up to its
        // accuracy; everything below and to the right of the line is dominated in this plane.
        let sorted = front.filter { !logX || $0.x > 0 }.sorted { $0.x < $1.x }
        var steps: [String] = []
        for (k, p) in sorted.enumerated() {
            if k > 0 { steps.append("\(a.px(p.x)),\(a.py(sorted[k - 1].y))") }
            steps.append("\(a.px(p.x)),\(a.py(p.y))")
        }
        if let last = sorted.last { steps.append("\(width - right),\(a.py(last.y))") }
        s.append("<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\" points=\"\(steps.joined(separator: " "))\"/>")
        for p in sorted { s.append("<circle cx=\"\(a.px(p.x))\" cy=\"\(a.py(p.y))\" r=\"4\" fill=\"#d62728\"/>") }
        var legend = 0
        func legendLine(_ text: String, _ color: String) {
            s.append("<text x=\"\(width - right + 10)\" y=\"\(top + 20 + Double(legend) * 18)\" fill=\"\(color)\">\(text)</text>")
            legend += 1
        }
        for (i, m) in markers.enumerated() where !logX || m.x > 0 {
            let style = markerStyles[i % markerStyles.count]
            let (x, y) = (a.px(m.x), a.py(m.y))
            s.append(markerShape(style, x: x, y: y))
            s.append("<text x=\"\(x + 8)\" y=\"\(y - 8)\" font-size=\"10\" fill=\"\(style.color)\">\(escape(m.label))</text>")
            legendLine("\(markerGlyphs[style.shape]!) \(escape(m.label))", style.color)
        }
        legendLine("&#9679; \(escape(frontLabel))", "#d62728")
        if !highlighted.isEmpty { legendLine("&#9675; \(escape(highlightLabel))", "#ff7f0e") }
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
