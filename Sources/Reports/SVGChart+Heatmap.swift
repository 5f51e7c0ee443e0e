import Foundation

extension SVGChart {
    /// A grid of values over two named axes (e.g. accuracy over two thresholds), each cell
    /// shaded from white (the smallest value) to blue (the largest) and labelled with its
    /// value. `values[row][column]` belongs to `yTicks[row]` and `xTicks[column]`; rows are
    /// drawn bottom-up, so the first y category sits at the origin.
    package static func heatmap(
        title: String, xLabel: String, yLabel: String, xTicks: [String], yTicks: [String], values: [[Double]],
        format: String = "%.3f"
    ) -> String {
        let columns = max(xTicks.count, 1)
        let rows = max(yTicks.count, 1)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let cellWidth = plotWidth / Double(columns)
        let cellHeight = plotHeight / Double(rows)
        let flat = values.flatMap { $0 }
        let low = flat.min() ?? 0
        let high = flat.max() ?? 1
        var s = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"\(width / 2)\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>",
            "<text x=\"\((left + width - right) / 2)\" y=\"\(height - 18)\" text-anchor=\"middle\">\(escape(xLabel))</text>",
            "<text transform=\"translate(20 \((top + height - bottom) / 2)) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>",
        ]
        for (row, line) in values.enumerated() {
            for (column, value) in line.enumerated() {
                let t = high > low ? (value - low) / (high - low) : 0.5
                // White to #1f77b4: each channel moves linearly with the value.
                let (r, g, b) = (255 - t * (255 - 31), 255 - t * (255 - 119), 255 - t * (255 - 180))
                let x = left + Double(column) * cellWidth
                let y = height - bottom - Double(row + 1) * cellHeight
                s.append(
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth)\" height=\"\(cellHeight)\" fill=\"rgb(\(Int(r)),\(Int(g)),\(Int(b)))\" stroke=\"white\"/>"
                )
                s.append(
                    "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + cellHeight / 2 + 4)\" text-anchor=\"middle\" fill=\"\(t > 0.6 ? "white" : "black")\">\(String(format: format, value))</text>"
                )
            }
        }
        for (i, name) in xTicks.enumerated() {
            s.append(
                "<text x=\"\(left + (Double(i) + 0.5) * cellWidth)\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\">\(escape(name))</text>"
            )
        }
        for (i, name) in yTicks.enumerated() {
            s.append(
                "<text x=\"\(left - 6)\" y=\"\(height - bottom - (Double(i) + 0.5) * cellHeight + 4)\" text-anchor=\"end\">\(escape(name))</text>"
            )
        }
        s.append("<text x=\"\(width - right + 10)\" y=\"\(top + 20)\">min \(String(format: format, low))</text>")
        s.append("<text x=\"\(width - right + 10)\" y=\"\(top + 38)\" fill=\"#1f77b4\">max \(String(format: format, high))</text>")
        return (s + ["</svg>"]).joined(separator: "\n") + "\n"
    }
}
