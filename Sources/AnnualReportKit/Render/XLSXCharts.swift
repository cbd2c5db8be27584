extension XLSXWriter {
    /// How a native chart looks: its size, the report's colours, its axes' formats and scale.
    enum ChartLayout {
        /// Charts are half as large again as Excel's default.
        static let scaleX = 1.5

        /// The value axis's number format, from the kind of the plotted columns: pounds with
        /// thousands separators for money, a percentage for percents, `#,##0` for counts; nil
        /// (Excel's General) when the series mix kinds or plot text.
        static func valueAxisFormat(_ kinds: [ReportColumn.Kind]) -> String? {
            guard let first = kinds.first, kinds.allSatisfy({ $0 == first }) else { return nil }
            switch first {
            case .money: return TableLayout.wholePounds
            case .count: return TableLayout.count
            case .decimal(let places): return places > 0 ? "0." + String(repeating: "0", count: min(places, 10)) : "0"
            case .percent(let decimals): return TableLayout.percentFormat(decimals: min(max(decimals, 0), 10))
            case .label, .text, .figureText: return nil
            }
        }

        /// `format` with its zero and text sections empty (`#,##0;-#,##0;;`), so a zero data label
        /// shows nothing: a stacked bar's empty segment has no room for a `0`, and two of them
        /// overlapped. General when the series mix kinds.
        static func zeroHidingFormat(_ format: String?) -> String {
            let code = format ?? "General"
            return "\(code);-\(code);;"
        }

        /// `#1f3b73` -> `0x1F3B73`; black for anything that is not six hex digits.
        static func rgb(_ hex: String) -> UInt32 {
            UInt32(hex.hasPrefix("#") ? String(hex.dropFirst()) : hex, radix: 16).map { $0 & 0xFFFFFF } ?? 0
        }

        /// Series `index` in the SVG charts' colours (`SVGChartWriter.palette`, navy first, then
        /// lighter and mid blues), bars outlined in their ink as there; a line in the pale blue is
        /// drawn darker (`#7f95c4`) to stay visible, as in the SVG. In a stacked chart the labels
        /// sit inside the bars, so on a dark fill they are white; zeros are hidden there.
        static func seriesStyle(index: Int, style: ChartSpec.Style, valueFormat: String?)
            -> XLSXWorkbook.Chart.SeriesStyle
        {
            let palette = SVGChartWriter.palette
            var colour = rgb(palette[index % palette.count])
            if style == .line && palette[index % palette.count] == palette[2] { colour = rgb("#7f95c4") }
            let stacked = style == .stackedColumn
            return .init(
                colour: colour, outline: rgb(SVGChartWriter.ink),
                labelNumberFormat: stacked ? zeroHidingFormat(valueFormat) : nil,
                labelColour: stacked && isDark(colour) ? 0xFFFFFF : nil)
        }

        /// Whether dark text would be hard to read on `rgb`: relative luminance (sRGB weights,
        /// without gamma) below 0.45.
        static func isDark(_ rgb: UInt32) -> Bool {
            let r = Double((rgb >> 16) & 0xFF)
            let g = Double((rgb >> 8) & 0xFF)
            let b = Double(rgb & 0xFF)
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.45
        }
    }

    /// The table rows a chart plots: its own, else the table's body rows.
    static func chartRows(_ spec: ChartSpec, table: ReportTable) -> [Int] {
        spec.rows.isEmpty ? table.rows.indices.filter { table.rows[$0].role == .body } : spec.rows
    }

    /// Draws `spec` below its table from column A at `row`; returns the rows it covers, plus a
    /// spare one, so the next chart of the table goes below it. A chart over a table with no
    /// body rows has nothing to plot and is left out (0 rows).
    ///
    /// Series are in the report's colours; a bar chart lists its categories from the top in the
    /// table's order; the value axis is formatted like the plotted cells and, for a chart on a
    /// scale (mean ratings), runs across that scale a point at a time.
    func insertChart(
        _ spec: ChartSpec, table: ReportTable, sheet: XLSXWorkbook.Sheet, row: Int,
        book: XLSXWorkbook
    ) throws -> Int {
        let rows = Self.chartRows(spec, table: table)
        if rows.isEmpty { return 0 }
        guard rows.allSatisfy(table.rows.indices.contains) else {
            throw XLSXWriterError.badChart(
                chart: spec.id, reason: "rows \(spec.rows) are not body rows of table '\(table.id)'")
        }
        guard !spec.seriesColumns.isEmpty, spec.seriesColumns.allSatisfy(table.columns.indices.contains) else {
            throw XLSXWriterError.badChart(
                chart: spec.id,
                reason: "series columns \(spec.seriesColumns) are not columns of table '\(table.id)'")
        }
        let type: XLSXWorkbook.ChartType =
            switch spec.style {
            case .column: .column
            case .stackedColumn: .stackedColumn
            case .bar: .bar
            case .line: .line
            }
        let chart = try book.addChart(type)
        let sheetRows = rows.map(TableLayout.sheetRow)
        let valueFormat = ChartLayout.valueAxisFormat(spec.seriesColumns.map { table.columns[$0].kind })
        // LibreOffice lists a bar chart's legend from the last series to the first (as the bars
        // stood bottom-up), so a bar chart's series are added last column first: its legend
        // then reads in the table's order. Each keeps its column's colour.
        let order = Array(spec.seriesColumns.enumerated())
        for (index, column) in type == .bar ? order.reversed() : order {
            try chart.addSeries(
                categories: .init(sheet: sheet.name, rows: sheetRows, column: 0),
                values: .init(sheet: sheet.name, rows: sheetRows, column: column),
                nameRow: TableLayout.headerRow, nameColumn: column,
                style: ChartLayout.seriesStyle(index: index, style: spec.style, valueFormat: valueFormat))
        }
        chart.setTitle(spec.title)
        chart.setAxisTitles(category: spec.xAxisTitle, value: spec.yAxisTitle)
        chart.setLegendBottom()
        if let range = spec.valueRange {
            // Whole points on the axis (the labels keep the cells' decimals).
            chart.setValueAxisNumberFormat("0")
            // The SVG chart's axis: the scale, widened only to hold a value off it.
            let values = SVGChartWriter.ChartData(chart: spec, table: table).categories.flatMap {
                $0.values.compactMap(\.value)
            }
            let axis = SVGChartWriter.scaleAxis(range, low: values.min() ?? .nan, high: values.max() ?? .nan)
            let step = axis.ticks.count > 1 ? axis.ticks[1].value - axis.ticks[0].value : 1
            chart.setValueAxisRange(minimum: axis.lo, maximum: axis.hi, majorUnit: step)
        } else if let valueFormat {
            chart.setValueAxisNumberFormat(valueFormat)
        }
        if type == .bar { chart.listCategoriesTopDown() }
        // Half as large again as Excel's default, and taller when long category labels (business
        // priorities) would squeeze the plot: column and line charts slant them under the axis.
        // A bar chart sets its labels beside the bars, so it is taller only for many bars.
        let longestLabel =
            rows.map { r in
                table.rows[r].cells.first.map { TableLayout.displayText($0.value, kind: table.columns[0].kind).count }
                    ?? 0
            }.max() ?? 0
        let tall = type == .bar ? rows.count > 8 : longestLabel > 25
        let scale = (x: ChartLayout.scaleX, y: tall ? 2.0 : 1.5)
        try sheet.insertChart(row, 0, chart, scale: scale, description: spec.title)
        let height = Double(XLSXWorkbook.Sheet.defaultChartSize.height) * scale.y
        return Int((height / TableLayout.rowHeightPixels).rounded(.up)) + 1
    }
}
