extension SVGChartWriter {
    /// A line chart: one line per series across the categories.
    struct LineSeries: PlotPart {
        var data: ChartData
        var layout: Layout

        /// Lines with a marker and a label at every point; a line breaks at N/A.
        func draw(into canvas: inout Canvas, geometry g: Geometry, prefix: String) {
            let zero = g.pos(g.axis.base)
            for s in 0..<seriesCount {
                let colour = palette[s % palette.count] == palette[2] ? "#7f95c4" : palette[s % palette.count]
                let dash = dashes[s % dashes.count]
                var runs: [[(Double, Double)]] = [[]]
                for (i, c) in data.categories.enumerated() {
                    if let value = c.values[s].value {
                        runs[runs.count - 1].append((g.bandCentre(i), g.pos(value)))
                    } else if !runs[runs.count - 1].isEmpty {
                        runs.append([])
                    }
                }
                for run in runs where run.count > 1 {
                    let d = run.enumerated().map {
                        "\($0.offset == 0 ? "M" : "L")\(num($0.element.0)),\(num($0.element.1))"
                    }.joined(separator: " ")
                    canvas.add(
                        "<path class=\"line s\(s)\" d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
                    )
                }
            }
            for (i, c) in data.categories.enumerated() {
                let x = g.bandCentre(i)
                // Highest value labelled above, lowest below, any others to the right.
                let ranked = c.values.indices.filter { c.values[$0].value != nil }
                    .sorted { (c.values[$0].value!, $1) > (c.values[$1].value!, $0) }
                for (s, v) in c.values.enumerated() {
                    guard let value = v.value else {
                        canvas.text(
                            "N/A", x: x, y: zero - 6 - Double(s) * 14, anchor: "middle", italic: true, cls: "value na")
                        continue
                    }
                    let y = g.pos(value)
                    canvas.add(
                        "<path class=\"point s\(s)\" d=\"\(marker(series: s, x: x, y: y))\" fill=\"\(palette[s % palette.count])\" stroke=\"\(ink)\" stroke-width=\"1\"><title>\(escape(tooltip(category: c.name, series: s, label: v.label)))</title></path>"
                    )
                    let rank = ranked.firstIndex(of: s) ?? 0
                    if rank == 0 {
                        canvas.text(v.label, x: x, y: y - 10, anchor: "middle", bold: true, cls: "value")
                    } else if rank == ranked.count - 1 && y + 20 < g.pos(g.axis.lo) - 2 {
                        canvas.text(v.label, x: x, y: y + 20, anchor: "middle", bold: true, cls: "value")
                    } else {
                        canvas.text(v.label, x: x + 9, y: y + 4, bold: true, cls: "value")
                    }
                }
            }
        }
    }
}
