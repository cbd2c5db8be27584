import Cxlsxwriter

extension XLSXWorkbook {
    enum ChartType {
        case column, stackedColumn, bar, line

        var lxw: UInt8 {
            switch self {
            case .column: UInt8(LXW_CHART_COLUMN.rawValue)
            case .stackedColumn: UInt8(LXW_CHART_COLUMN_STACKED.rawValue)
            case .bar: UInt8(LXW_CHART_BAR.rawValue)
            case .line: UInt8(LXW_CHART_LINE.rawValue)
            }
        }
    }

    /// Adds a chart to the workbook; it appears once a sheet inserts it (`Sheet.insertChart`).
    ///
    /// Calls `workbook_add_chart`. Excel limit: 255 series per chart; a chart can be inserted
    /// into one sheet only.
    ///
    ///     let chart = try book.addChart(.stackedColumn)
    func addChart(_ type: ChartType) throws -> Chart {
        let workbook = try open("workbook_add_chart")
        guard let chart = workbook_add_chart(workbook, type.lxw) else {
            throw XLSXError(function: "workbook_add_chart", code: nil, message: "could not add a chart")
        }
        return Chart(handle: chart, type: type, workbook: self)
    }

    /// A chart of an open workbook.
    struct Chart {
        let handle: UnsafeMutablePointer<lxw_chart>
        let type: ChartType
        fileprivate unowned let workbook: XLSXWorkbook

        /// A block of cells a series reads: `rows` (zero-based, any order, need not be
        /// contiguous) of one column of `sheet`.
        struct Range {
            var sheet: String
            var rows: [Int]
            var column: Int
        }

        /// How a series looks: its colour (the bars' fill, or a line and its markers), the bars'
        /// outline, and its data labels' number format and text colour. Colours are `0xRRGGBB`.
        struct SeriesStyle: Equatable {
            var colour: UInt32
            /// The outline of bars and markers; nil leaves the application's default.
            var outline: UInt32?
            /// The data labels' number format, e.g. `#,##0;-#,##0;;` to hide zeros; nil shows
            /// them as the cells are formatted.
            var labelNumberFormat: String?
            /// The data labels' text colour; nil for the default (dark).
            var labelColour: UInt32?
        }

        /// Adds a series plotting `values` against `categories`, named by the cell
        /// `nameRow`/`nameColumn` of the values' sheet (so the legend follows the header text),
        /// with data labels shown, drawn in `style`.
        ///
        /// Calls `chart_add_series`, then `chart_series_set_categories` and
        /// `chart_series_set_values` for contiguous rows (libxlsxwriter quotes the sheet name and
        /// fills the data cache), or formula unions `=('S'!$A$3:$A$5,'S'!$A$7)` for rows with
        /// gaps; then `chart_series_set_name_range`, `chart_series_set_labels` and the style's
        /// calls (`apply`). Excel limits: 255 series per chart, 32,000 points per series.
        ///
        ///     try chart.addSeries(categories: .init(sheet: "Training", rows: [2, 3, 4], column: 0),
        ///                         values: .init(sheet: "Training", rows: [2, 3, 4], column: 1),
        ///                         nameRow: 1, nameColumn: 1, style: .init(colour: 0x1F3B73))
        func addSeries(categories: Range, values: Range, nameRow: Int, nameColumn: Int, style: SeriesStyle) throws {
            guard let first = values.rows.min(), let last = values.rows.max(), !categories.rows.isEmpty else {
                throw XLSXError(function: "chart_add_series", code: nil, message: "a series needs at least one row")
            }
            let contiguous = A1.runs(values.rows).count == 1 && A1.runs(categories.rows).count == 1
            let series: UnsafeMutablePointer<lxw_chart_series>?
            if contiguous {
                series = chart_add_series(handle, nil, nil)
            } else {
                series = chart_add_series(
                    handle, workbook.cString(A1.chartFormula(categories)),
                    workbook.cString(A1.chartFormula(values)))
            }
            guard let series else {
                throw XLSXError(function: "chart_add_series", code: nil, message: "could not add a series")
            }
            if contiguous, let c0 = categories.rows.min(), let c1 = categories.rows.max() {
                chart_series_set_categories(
                    series, workbook.cString(categories.sheet), lxw_row_t(c0),
                    lxw_col_t(categories.column), lxw_row_t(c1), lxw_col_t(categories.column))
                chart_series_set_values(
                    series, workbook.cString(values.sheet), lxw_row_t(first),
                    lxw_col_t(values.column), lxw_row_t(last), lxw_col_t(values.column))
            }
            chart_series_set_name_range(
                series, workbook.cString(values.sheet), lxw_row_t(nameRow), lxw_col_t(nameColumn))
            chart_series_set_labels(series)
            apply(style, to: series)
        }

        /// `chart_series_set_fill` and `chart_series_set_line` (a 0.75-point outline) for bars, or
        /// `chart_series_set_line` (2.25 points) and the marker's fill and line for a line chart;
        /// `chart_series_set_labels_num_format` and `chart_series_set_labels_font` for the labels.
        /// libxlsxwriter copies the structs during each call.
        private func apply(_ style: SeriesStyle, to series: UnsafeMutablePointer<lxw_chart_series>) {
            if type == .line {
                var line = lxw_chart_line(
                    color: Self.colour(style.colour), none: 0, width: 2.25, dash_type: 0, transparency: 0)
                chart_series_set_line(series, &line)
                chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
                var fill = lxw_chart_fill(color: Self.colour(style.colour), none: 0, transparency: 0)
                chart_series_set_marker_fill(series, &fill)
                if let outline = style.outline {
                    var edge = lxw_chart_line(
                        color: Self.colour(outline), none: 0, width: 0.75, dash_type: 0, transparency: 0)
                    chart_series_set_marker_line(series, &edge)
                }
            } else {
                var fill = lxw_chart_fill(color: Self.colour(style.colour), none: 0, transparency: 0)
                chart_series_set_fill(series, &fill)
                if let outline = style.outline {
                    var edge = lxw_chart_line(
                        color: Self.colour(outline), none: 0, width: 0.75, dash_type: 0, transparency: 0)
                    chart_series_set_line(series, &edge)
                }
            }
            if let code = style.labelNumberFormat { chart_series_set_labels_num_format(series, workbook.cString(code)) }
            if let colour = style.labelColour {
                var font = lxw_chart_font()
                font.color = Self.colour(colour)
                chart_series_set_labels_font(series, &font)
            }
        }

        /// libxlsxwriter reads colour 0 as "not set"; black is its `LXW_COLOR_BLACK`.
        private static func colour(_ rgb: UInt32) -> lxw_color_t {
            rgb & 0xFFFFFF == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(rgb & 0xFFFFFF)
        }

        /// Lists a bar chart's categories from the top down, in the table's order (Excel draws the
        /// first category at the bottom), with the value axis kept along the bottom.
        ///
        /// Calls `chart_axis_set_reverse` and `chart_axis_set_crossing_max` on the category axis
        /// (Y for a bar chart, X otherwise): `<c:orientation val="maxMin"/>` on the category axis
        /// and `<c:crosses val="max"/>`, so the value axis crosses at the last category, which is
        /// now at the bottom.
        ///
        ///     chart.listCategoriesTopDown()
        func listCategoriesTopDown() {
            let categoryAxis = type == .bar ? LXW_CHART_AXIS_TYPE_Y : LXW_CHART_AXIS_TYPE_X
            if let axis = chart_axis_get(handle, categoryAxis) {
                chart_axis_set_reverse(axis)
                chart_axis_set_crossing_max(axis)
            }
        }

        /// Fixes the value axis to run from `minimum` to `maximum` with gridlines every
        /// `majorUnit`, e.g. a rating scale of 1 to 5.
        ///
        /// Calls `chart_axis_set_min`, `chart_axis_set_max` and `chart_axis_set_major_unit` on the
        /// value axis (X for a bar chart, Y otherwise): `<c:min>`, `<c:max>` and `<c:majorUnit>`.
        /// Excel limit: `minimum` below `maximum`, `majorUnit` positive.
        ///
        ///     chart.setValueAxisRange(minimum: 1, maximum: 5, majorUnit: 1)
        func setValueAxisRange(minimum: Double, maximum: Double, majorUnit: Double) {
            let valueAxis = type == .bar ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y
            guard minimum < maximum, majorUnit > 0, let axis = chart_axis_get(handle, valueAxis) else { return }
            chart_axis_set_min(axis, minimum)
            chart_axis_set_max(axis, maximum)
            chart_axis_set_major_unit(axis, majorUnit)
        }

        /// Sets the chart title.
        ///
        /// Calls `chart_title_set_name`. libxlsxwriter reads a name starting with `=` as a cell
        /// reference, so such text gets a leading space and stays text. Excel limit: 255
        /// characters.
        ///
        ///     chart.setTitle("Attendances per year")
        func setTitle(_ title: String) {
            chart_title_set_name(handle, workbook.cString(Self.literal(title)))
        }

        /// Sets the axis titles: `category` on the axis of the category labels (horizontal for
        /// column and line charts, vertical for bar charts), `value` on the axis of the numbers.
        ///
        /// Calls `chart_axis_get` and `chart_axis_set_name`. libxlsxwriter's X and Y axes are the
        /// horizontal and vertical ones, so for a bar chart the category axis is Y. Empty titles
        /// are left off; text starting with `=` is kept as text as in `setTitle`. Excel limit:
        /// 255 characters.
        ///
        ///     chart.setAxisTitles(category: "Year", value: "Attendances")
        func setAxisTitles(category: String, value: String) {
            let categoryAxis = type == .bar ? LXW_CHART_AXIS_TYPE_Y : LXW_CHART_AXIS_TYPE_X
            let valueAxis = type == .bar ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y
            if !category.isEmpty, let axis = chart_axis_get(handle, categoryAxis) {
                chart_axis_set_name(axis, workbook.cString(Self.literal(category)))
            }
            if !value.isEmpty, let axis = chart_axis_get(handle, valueAxis) {
                chart_axis_set_name(axis, workbook.cString(Self.literal(value)))
            }
        }

        /// Sets the number format of the value axis's tick labels, e.g. `"£"#,##0` or `0%`, so the
        /// axis reads like the cells it plots (not linked to the cells' own formats).
        ///
        /// Calls `chart_axis_get` and `chart_axis_set_num_format` on the value axis (X for a bar
        /// chart, Y otherwise, as in `setAxisTitles`). Excel limit: a format code of at most 255
        /// characters.
        ///
        ///     chart.setValueAxisNumberFormat("\"£\"#,##0")
        func setValueAxisNumberFormat(_ code: String) {
            let valueAxis = type == .bar ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y
            if let axis = chart_axis_get(handle, valueAxis) {
                chart_axis_set_num_format(axis, workbook.cString(code))
            }
        }

        /// Puts the legend below the plot area.
        ///
        /// Calls `chart_legend_set_position(LXW_CHART_LEGEND_BOTTOM)`.
        ///
        ///     chart.setLegendBottom()
        func setLegendBottom() {
            chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        }

        private static func literal(_ text: String) -> String { text.hasPrefix("=") ? " " + text : text }
    }
}
