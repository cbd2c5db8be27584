import Cxlsxwriter

extension XLSXWorkbook {
    /// A worksheet of an open workbook. Rows and columns are zero-based, as in libxlsxwriter:
    /// (0, 0) is A1.
    struct Sheet {
        let handle: UnsafeMutablePointer<lxw_worksheet>
        /// The sheet's name as shown on its tab.
        let name: String
        unowned let workbook: XLSXWorkbook

        /// Excel's limits on the grid.
        static let maxRows = Int(LXW_ROW_MAX)
        static let maxColumns = Int(LXW_COL_MAX)
        /// Excel's limit on the characters in one cell (UTF-16 units in Excel, characters in
        /// libxlsxwriter; `cellText` keeps both within it).
        static let maxCellCharacters = 32_767

        /// Writes `text` as a string cell, never as a formula: `=SUM(A1)` stays text.
        ///
        /// Calls `worksheet_write_string` (a shared string). Excel limit: 32,767 characters per
        /// cell; longer text is cut at a character boundary and ends with `…`.
        ///
        ///     try sheet.writeString(0, 0, "Partner contributions", bold)
        func writeString(_ row: Int, _ column: Int, _ text: String, _ format: Format? = nil) throws {
            let (r, c) = try cell(row, column, "worksheet_write_string")
            try XLSXWorkbook.check(
                worksheet_write_string(handle, r, c, workbook.cString(Self.cellText(text)), format?.handle),
                "worksheet_write_string", detail: "\(name)!\(A1.cell(row: row, column: column))")
        }

        /// Writes a number. Money, counts and fractions for percentages are all numbers; the
        /// format decides how they look.
        ///
        /// Calls `worksheet_write_number`. Excel limit: 15 significant digits; NaN and infinity
        /// are not numbers to Excel (the caller never passes them).
        ///
        ///     try sheet.writeNumber(2, 1, 102_496, moneyFormat)
        func writeNumber(_ row: Int, _ column: Int, _ value: Double, _ format: Format? = nil) throws {
            let (r, c) = try cell(row, column, "worksheet_write_number")
            try XLSXWorkbook.check(
                worksheet_write_number(handle, r, c, value, format?.handle),
                "worksheet_write_number", detail: "\(name)!\(A1.cell(row: row, column: column))")
        }

        /// Writes a formula with its computed numeric value stored, so viewers that do not
        /// recalculate still show the right figure.
        ///
        /// Calls `worksheet_write_formula_num`. Excel limit: 8,192 characters per formula, US
        /// English function names and `,` separators; the leading `=` is optional.
        ///
        ///     try sheet.writeFormula(7, 1, "=SUM(B3:B7)", result: 1054, countFormat)
        func writeFormula(_ row: Int, _ column: Int, _ formula: String, result: Double, _ format: Format? = nil) throws
        {
            let (r, c) = try cell(row, column, "worksheet_write_formula_num")
            try XLSXWorkbook.check(
                worksheet_write_formula_num(handle, r, c, workbook.cString(formula), format?.handle, result),
                "worksheet_write_formula_num", detail: "\(name)!\(A1.cell(row: row, column: column)) \(formula)")
        }

        /// Writes a formula whose computed value is text (here always `N/A`).
        ///
        /// Calls `worksheet_write_formula_str`. Excel limit: as `writeFormula`.
        ///
        ///     try sheet.writeFormula(3, 4, "=IF(N(B4)=0,\"N/A\",(C4-B4)/B4)", textResult: "N/A", right)
        func writeFormula(_ row: Int, _ column: Int, _ formula: String, textResult: String, _ format: Format? = nil)
            throws
        {
            let (r, c) = try cell(row, column, "worksheet_write_formula_str")
            try XLSXWorkbook.check(
                worksheet_write_formula_str(
                    handle, r, c, workbook.cString(formula), format?.handle,
                    workbook.cString(textResult)),
                "worksheet_write_formula_str", detail: "\(name)!\(A1.cell(row: row, column: column)) \(formula)")
        }

        /// Writes a hyperlink to cell A1 of another sheet of this workbook, showing `text`.
        ///
        /// Calls `worksheet_write_url_opt` with `internal:'Sheet name'!A1` (quotes in the sheet
        /// name doubled). Excel limits: 2,079 characters per URL, 65,530 links per sheet;
        /// `text` as for `writeString`. With no format it uses the workbook's hyperlink style.
        ///
        ///     try sheet.writeInternalLink(5, 1, to: "Finance", text: "Partner contributions")
        func writeInternalLink(
            _ row: Int, _ column: Int, to sheetName: String, text: String,
            _ format: Format? = nil
        ) throws {
            let (r, c) = try cell(row, column, "worksheet_write_url_opt")
            let url = "internal:\(A1.quotedSheetName(sheetName))!A1"
            try XLSXWorkbook.check(
                worksheet_write_url_opt(
                    handle, r, c, workbook.cString(url), format?.handle,
                    workbook.cString(Self.cellText(text)), nil),
                "worksheet_write_url_opt", detail: "\(name)!\(A1.cell(row: row, column: column)) \(url)")
        }

        /// Sets the width of columns `first...last` in characters of the default font.
        ///
        /// Calls `worksheet_set_column`. Excel limit: width 0 to 255.
        ///
        ///     try sheet.setColumnWidth(0, 0, 32)
        func setColumnWidth(_ first: Int, _ last: Int, _ width: Double) throws {
            let (_, c0) = try cell(0, first, "worksheet_set_column")
            let (_, c1) = try cell(0, last, "worksheet_set_column")
            try XLSXWorkbook.check(
                worksheet_set_column(handle, c0, c1, min(max(width, 0), 255), nil),
                "worksheet_set_column", detail: name)
        }

        /// Freezes the rows above `row` and the columns left of `column`, so they stay in view
        /// while scrolling.
        ///
        /// Calls `worksheet_freeze_panes`. Excel limit: one frozen split per sheet.
        ///
        ///     try sheet.freezePanes(row: 2, column: 0)   // rows 1-2 stay in view
        func freezePanes(row: Int, column: Int) throws {
            let (r, c) = try cell(row, column, "worksheet_freeze_panes")
            worksheet_freeze_panes(handle, r, c)
        }

        /// Makes `firstRow...lastRow` × `firstColumn...lastColumn` an Excel table (a ListObject)
        /// whose first row is the header, with filter buttons, light banded style and no total
        /// row. libxlsxwriter rewrites the header cells from `headers`, each with its
        /// `headerFormats` entry (nil for the default format).
        ///
        /// Calls `worksheet_add_table` with `LXW_TABLE_STYLE_TYPE_LIGHT`. Excel limits: at least
        /// one row below the header; header texts non-empty, unique ignoring case, at most 255
        /// characters; tables may not overlap; table names are generated (`Table1`, `Table2`, …
        /// in the order tables are added), so they are stable across runs.
        ///
        ///     try sheet.addTable(firstRow: 1, firstColumn: 0, lastRow: 7, lastColumn: 3,
        ///                        headers: ["Partner", "2021-22", "2022-23", "Change"],
        ///                        headerFormats: [bold, boldRight, boldRight, boldRight])
        func addTable(
            firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, headers: [String],
            headerFormats: [Format?], styleNumber: Int = 1
        ) throws {
            let (r0, c0) = try cell(firstRow, firstColumn, "worksheet_add_table")
            let (r1, c1) = try cell(lastRow, lastColumn, "worksheet_add_table")
            guard headers.count == lastColumn - firstColumn + 1, headerFormats.count == headers.count else {
                throw XLSXError(
                    function: "worksheet_add_table", code: nil,
                    message:
                        "\(headers.count) headers and \(headerFormats.count) formats for \(lastColumn - firstColumn + 1) columns"
                )
            }
            // The column structs and the NULL-terminated array of pointers to them must outlive
            // the call; libxlsxwriter copies the header text but not the array.
            let columns = UnsafeMutablePointer<lxw_table_column>.allocate(capacity: headers.count)
            let pointers = UnsafeMutablePointer<UnsafeMutablePointer<lxw_table_column>?>.allocate(
                capacity: headers.count + 1)
            defer {
                columns.deallocate()
                pointers.deallocate()
            }
            for (i, header) in headers.enumerated() {
                var column = lxw_table_column()
                column.header = workbook.cString(header)
                column.header_format = headerFormats[i]?.handle
                (columns + i).initialize(to: column)
                pointers[i] = columns + i
            }
            pointers[headers.count] = nil
            var options = lxw_table_options()
            options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue)
            options.style_type_number = UInt8(clamping: styleNumber)
            options.columns = pointers
            try XLSXWorkbook.check(
                worksheet_add_table(handle, r0, c0, r1, c1, &options), "worksheet_add_table",
                detail:
                    "\(name)!\(A1.cell(row: firstRow, column: firstColumn)):\(A1.cell(row: lastRow, column: lastColumn))"
            )
        }

        /// Excel's default chart size in pixels, which `insertChart` scales.
        static let defaultChartSize = (width: 480, height: 288)

        /// Places `chart` with its top-left corner at the cell, at Excel's default 480 × 288
        /// pixels times `scale`, with `description` as its alternative text.
        ///
        /// Calls `worksheet_insert_chart_opt`. Excel limit: a chart object belongs to one sheet,
        /// so each chart is inserted once.
        ///
        ///     try sheet.insertChart(1, 6, chart, scale: (1.5, 1.5), description: "Attendances per year")
        func insertChart(
            _ row: Int, _ column: Int, _ chart: Chart, scale: (x: Double, y: Double) = (1, 1),
            description: String
        ) throws {
            let (r, c) = try cell(row, column, "worksheet_insert_chart_opt")
            var options = lxw_chart_options()
            options.x_scale = scale.x
            options.y_scale = scale.y
            options.description = workbook.cString(description)
            try XLSXWorkbook.check(
                worksheet_insert_chart_opt(handle, r, c, chart.handle, &options),
                "worksheet_insert_chart_opt", detail: name)
        }

        /// Writes `text` once over the merged cells `firstRow...lastRow` × `firstColumn...lastColumn`,
        /// as a string (never a formula), so a long sentence can wrap across the width of a
        /// printed table.
        ///
        /// Calls `worksheet_merge_range`. Excel limits: merged ranges may not overlap; text as for
        /// `writeString`. Excel does not fit a merged row's height to wrapped text, so callers set
        /// the height (`setRowHeight`).
        ///
        ///     try sheet.mergeString(9, 0, 9, 4, "N/A: no contribution recorded that year.", wrapped)
        func mergeString(
            _ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int, _ text: String,
            _ format: Format? = nil
        ) throws {
            let (r0, c0) = try cell(firstRow, firstColumn, "worksheet_merge_range")
            let (r1, c1) = try cell(lastRow, lastColumn, "worksheet_merge_range")
            try XLSXWorkbook.check(
                worksheet_merge_range(handle, r0, c0, r1, c1, workbook.cString(Self.cellText(text)), format?.handle),
                "worksheet_merge_range",
                detail:
                    "\(name)!\(A1.cell(row: firstRow, column: firstColumn)):\(A1.cell(row: lastRow, column: lastColumn))"
            )
        }

        /// Sets the height of one row in points (Excel's default is 15).
        ///
        /// Calls `worksheet_set_row` with no format. Excel limit: 0 to 409 points.
        ///
        ///     try sheet.setRowHeight(9, 45)   // three lines of wrapped text
        func setRowHeight(_ row: Int, _ points: Double) throws {
            let (r, _) = try cell(row, 0, "worksheet_set_row")
            try XLSXWorkbook.check(
                worksheet_set_row(handle, r, min(max(points, 0), 409), nil), "worksheet_set_row",
                detail: "\(name) row \(row + 1)")
        }

        /// `text` cut to Excel's 32,767 characters per cell (counted in UTF-16 units, which is
        /// what Excel counts and never less than libxlsxwriter's UTF-8 character count).
        static func cellText(_ text: String) -> String {
            guard text.utf16.count > maxCellCharacters else { return text }
            var out = ""
            var units = 0
            for character in text {
                let n = character.utf16.count
                if units + n > maxCellCharacters - 1 { break }
                out.append(character)
                units += n
            }
            return out + "…"
        }

        /// `row` and `column` as libxlsxwriter's types; an error naming `function` when they
        /// are off Excel's grid.
        func cell(_ row: Int, _ column: Int, _ function: String) throws -> (lxw_row_t, lxw_col_t) {
            guard (0..<Self.maxRows).contains(row), (0..<Self.maxColumns).contains(column) else {
                throw XLSXError(
                    function: function, code: Int(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE.rawValue),
                    message:
                        "row \(row + 1), column \(column + 1) is outside Excel's \(Self.maxRows) rows × \(Self.maxColumns) columns"
                )
            }
            return (lxw_row_t(row), lxw_col_t(column))
        }
    }
}
