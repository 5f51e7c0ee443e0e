extension SVGChart {
    /// A named line with a band around it, e.g. the median of several seeds and their IQR.
    package struct Band: Sendable {
        package let name: String
        package let points: [(x: Double, lower: Double, middle: Double, upper: Double)]
        package init(name: String, points: [(x: Double, lower: Double, middle: Double, upper: Double)]) {
            self.name = name
            self.points = points
        }
    }

    /// Lines with translucent bands, one colour per series, and a legend; the y axis spans
    /// the bands (no zero baseline: the caller states what the band is in the title).
    package static func bands(title: String, xLabel: String, yLabel: String, series: [Band]) -> String {
        let xs = series.flatMap { $0.points.map(\.x) }
        let ys = series.flatMap { $0.points.flatMap { [$0.lower, $0.upper, $0.middle] } }
        let a = axes(xs, ys, logX: false)
        var s = frame(a, title: title, xLabel: xLabel, yLabel: yLabel)
        for (i, band) in series.enumerated() {
            let color = palette[i % palette.count]
            let upper = band.points.map { "\(a.px($0.x)),\(a.py($0.upper))" }
            let lower = band.points.reversed().map { "\(a.px($0.x)),\(a.py($0.lower))" }
            s.append(
                "<polygon fill=\"\(color)\" fill-opacity=\"0.15\" stroke=\"none\" points=\"\((upper + lower).joined(separator: " "))\"/>")
            let line = band.points.map { "\(a.px($0.x)),\(a.py($0.middle))" }.joined(separator: " ")
            s.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(line)\"/>")
            let y = top + 20 + Double(i) * 18
            s.append(
                "<rect x=\"\(width - right + 10)\" y=\"\(y - 10)\" width=\"14\" height=\"10\" fill=\"\(color)\" fill-opacity=\"0.35\" stroke=\"\(color)\"/>"
            )
            s.append("<text x=\"\(width - right + 30)\" y=\"\(y)\" fill=\"\(color)\">\(escape(band.name))</text>")
        }
        return (s + ["</svg>"]).joined(separator: "\n") + "\n"
    }
}
