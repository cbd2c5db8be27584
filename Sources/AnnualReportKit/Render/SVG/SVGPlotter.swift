extension SVGChartWriter {
    /// What every part of a plot reads: the chart's data and how its style is drawn. Each part
    /// (the layout, the axes, the legend, one chart kind's marks) is its own type, in its own
    /// file, declared inside `SVGChartWriter` so that it sees the writer's drawing helpers.
    protocol PlotPart {
        var data: ChartData { get }
        var layout: Layout { get }
    }

    /// Draws one chart's data onto a canvas: lays the plot out (title and legend included),
    /// then draws the grid, the category labels, the marks (bars, stacks or lines), the axis
    /// lines and the axis titles, in that order (later elements paint over earlier ones).
    struct Plotter: PlotPart {
        var chart: ChartSpec
        var data: ChartData
        var layout: Layout

        func draw(into canvas: inout Canvas) {
            let frame = PlotLayout(chart: chart, data: data, layout: layout).frame(on: &canvas)
            let axes = PlotAxes(chart: chart, data: data, layout: layout)
            axes.drawGrid(into: &canvas, frame)
            axes.drawCategoryLabels(into: &canvas, frame)
            drawMarks(into: &canvas, frame)
            axes.drawAxisLines(into: &canvas, frame)
            axes.drawAxisTitles(into: &canvas, frame)
        }

        /// The bars, stacks or lines, by the chart's layout.
        func drawMarks(into canvas: inout Canvas, _ frame: PlotFrame) {
            let prefix = canvas.idPrefix
            if layout.line {
                LineSeries(data: data, layout: layout).draw(into: &canvas, geometry: frame.geometry, prefix: prefix)
            } else if layout.stacked {
                StackedBars(data: data, layout: layout).draw(
                    into: &canvas, geometry: frame.geometry, barThickness: frame.barThickness,
                    groupThickness: frame.groupThickness, prefix: prefix)
            } else {
                GroupedBars(data: data, layout: layout).draw(
                    into: &canvas, geometry: frame.geometry, barThickness: frame.barThickness, prefix: prefix)
            }
        }
    }
}

extension SVGChartWriter.PlotPart {
    var seriesCount: Int { data.series.count }
    var horizontal: Bool { layout.horizontal }

    /// A bar's or point's tooltip: the category and value, and the series when there are several.
    func tooltip(category: String, series s: Int, label: String) -> String {
        seriesCount == 1 ? "\(category): \(label)" : "\(category), \(data.series[s]): \(label)"
    }
}
