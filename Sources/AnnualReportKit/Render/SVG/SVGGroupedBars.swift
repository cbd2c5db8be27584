extension SVGChartWriter {
    /// Columns or horizontal bars side by side, one bar per series in each category.
    struct GroupedBars: PlotPart {
        var data: ChartData
        var layout: Layout

        /// Grouped bars (columns or horizontal bars), one bar per series per category.
        func draw(into canvas: inout Canvas, geometry g: Geometry, barThickness: Double, prefix: String) {
            let gap = horizontal ? 2.0 : 3.0
            let groupThickness = Double(seriesCount) * barThickness + Double(seriesCount - 1) * gap
            let zero = g.pos(g.axis.base)
            canvas.add("<g class=\"bars\" stroke=\"\(ink)\" stroke-width=\"1\">")
            var labels: [(String, Double, Double, String, Bool)] = []
            for (i, c) in data.categories.enumerated() {
                let start = g.bandCentre(i) - groupThickness / 2
                for (s, v) in c.values.enumerated() {
                    let c0 = start + Double(s) * (barThickness + gap)
                    let mid = c0 + barThickness / 2
                    guard let value = v.value else {
                        labels.append(
                            horizontal
                                ? ("N/A", zero + 5, mid + 4, "start", true)
                                : ("N/A", mid, zero - 5, "middle", true))
                        continue
                    }
                    let end = g.pos(value)
                    canvas.add(
                        g.rect(
                            cls: "bar s\(s)", c0: c0, thickness: barThickness, from: zero, to: end,
                            fill: fill(series: s, prefix: prefix),
                            tooltip: tooltip(category: c.name, series: s, label: v.label)))
                    let negative = value < 0
                    if horizontal {
                        labels.append(
                            (v.label, negative ? end - 5 : end + 5, mid + 4, negative ? "end" : "start", false))
                    } else {
                        labels.append((v.label, mid, negative ? end + 14 : end - 5, "middle", false))
                    }
                }
            }
            canvas.add("</g>")
            for (text, x, y, anchor, na) in labels {
                canvas.text(text, x: x, y: y, anchor: anchor, bold: !na, italic: na, cls: na ? "value na" : "value")
            }
        }
    }
}
