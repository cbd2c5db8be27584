extension SVGChartWriter {
    /// The legend: a swatch (a line and marker for line charts) and the name of each series.
    struct Legend: PlotPart {
        var data: ChartData
        var layout: Layout

        /// The legend in rows under the title; returns the y below it.
        func draw(into canvas: inout Canvas, top: Double, prefix: String) -> Double {
            var x = 16.0
            var y = top + 2
            canvas.add("<g class=\"legend\">")
            for (i, name) in data.series.enumerated() {
                let itemWidth = 20 + textWidth(name) + 18
                if x > 16 && x + itemWidth > canvas.width - 16 {
                    x = 16
                    y += 22
                }
                if layout.line {
                    let dash = dashes[i % dashes.count]
                    canvas.add(
                        "<line class=\"swatch s\(i)\" x1=\"\(num(x))\" y1=\"\(num(y + 7))\" x2=\"\(num(x + 18))\" y2=\"\(num(y + 7))\" stroke=\"\(palette[i % palette.count] == palette[2] ? "#7f95c4" : palette[i % palette.count])\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
                    )
                    canvas.add(
                        "<path class=\"marker s\(i)\" d=\"\(marker(series: i, x: x + 9, y: y + 7))\" fill=\"\(palette[i % palette.count])\" stroke=\"\(ink)\" stroke-width=\"1\"/>"
                    )
                } else {
                    canvas.add(
                        "<rect class=\"swatch s\(i)\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"14\" height=\"14\" fill=\"\(fill(series: i, prefix: prefix))\" stroke=\"\(ink)\" stroke-width=\"1\"/>"
                    )
                }
                canvas.text(name, x: x + (layout.line ? 24 : 20), y: y + 11.5, cls: "legend-label")
                x += itemWidth + (layout.line ? 4 : 0)
            }
            canvas.add("</g>")
            return y + 16
        }
    }
}
