/// Draws a report chart as a standalone SVG 1.1 document.
///
/// There is no charting library for Swift on Linux, so the report draws its own: column,
/// stacked column, horizontal bar and line charts over the rows and columns of one
/// `ReportTable`, which is all the published report needs.
///
/// What a chart shows:
/// - `<title>` is `chart.title`; `<desc>` lists every category's values in words
///   (`2020-21: 1,802; 2021-22: 2,215; 2022-23: 2,569`), and the root carries
///   `role="img"` and `aria-labelledby`, so the chart reads out in a screen reader.
/// - The value axis includes zero and has gridlines at 1, 2 or 5 × 10ⁿ; negative values
///   (money can be negative) are drawn below (or left of) the zero baseline. A chart with a
///   `valueRange` (mean ratings) runs across that scale instead, a gridline at each point,
///   its bars rising from the scale's lowest point.
/// - Every bar or point carries its value, formatted as the table's cell would be
///   (`2,569`, `£119,266`, `16.4%`). An N/A or empty cell draws no bar and says `N/A`.
/// - Series are told apart by lightness and by a fill pattern (solid, hatched, dotted…),
///   and every bar has a dark outline, so a greyscale print still reads. A legend is drawn
///   when there is more than one series.
/// - `xAxisTitle` names the category axis and `yAxisTitle` the value axis, whatever the
///   orientation (as in Excel: in a horizontal bar chart the categories run down the side).
/// - Long category names wrap on spaces (≤ 18 characters a line under columns, ≤ 28 beside
///   horizontal bars).
///
/// Output is deterministic: no random ids (ids derive from `chart.id`), coordinates with
/// one decimal written by integer arithmetic, no locale. The document has no XML
/// declaration, so it can be written to a `.svg` file or inlined in HTML as it is.
///
/// One file per job in this folder: the data (`SVGChartData`), the value axis's scale
/// (`SVGValueAxis`), text measures and numbers (`SVGText`), series styles, the canvas and its
/// geometry (`SVGCanvas`), then the plot: `SVGPlotter` draws it in steps, from its layout
/// (`SVGPlotLayout`), axes (`SVGPlotAxes`) and legend (`SVGLegend`), and one file per chart kind
/// (`SVGGroupedBars`, `SVGStackedBars`, `SVGLineSeries`).
enum SVGChartWriter {
    /// The chart as an SVG document (UTF-8 text ending in a newline).
    ///
    /// - Parameters:
    ///   - chart: what to draw; `chart.rows` index `table.rows` (the categories, labelled
    ///     by column 0) and `chart.seriesColumns` index `table.columns` (one series each).
    ///     Indexes out of range are ignored.
    ///   - table: the table the chart is drawn from.
    /// - Returns: a valid SVG; with no categories or no series it holds the title and
    ///   the text "No data".
    static func svg(for chart: ChartSpec, table: ReportTable) -> String {
        render(chart: chart, table: table, layout: Layout(style: chart.style))
    }

    /// How a chart style is drawn. Kept apart from `ChartSpec.Style` so a new style (say a
    /// stacked horizontal bar) is one line here.
    struct Layout: Equatable {
        var horizontal: Bool
        var stacked: Bool
        var line: Bool

        init(horizontal: Bool, stacked: Bool, line: Bool = false) {
            self.horizontal = horizontal
            self.stacked = stacked
            self.line = line
        }

        init(style: ChartSpec.Style) {
            switch style {
            case .column: self.init(horizontal: false, stacked: false)
            case .stackedColumn: self.init(horizontal: false, stacked: true)
            case .bar: self.init(horizontal: true, stacked: false)
            case .line: self.init(horizontal: false, stacked: false, line: true)
            }
        }
    }

    static func render(chart: ChartSpec, table: ReportTable, layout: Layout) -> String {
        let data = ChartData(chart: chart, table: table)
        var canvas = Canvas(idPrefix: idPrefix(chart.id))
        if data.categories.isEmpty || data.series.isEmpty {
            return canvas.noData(title: chart.title)
        }
        Plotter(chart: chart, data: data, layout: layout).draw(into: &canvas)
        return canvas.document(title: chart.title, desc: data.description(stacked: layout.stacked))
    }
}
