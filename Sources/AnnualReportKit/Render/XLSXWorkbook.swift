import Cxlsxwriter
import Foundation

// The one file that talks to libxlsxwriter (1.1.4, Debian's libxlsxwriter-dev). Everything
// else sees `XLSXWorkbook`, its `Sheet`, `Format` and `Chart` values, and `XLSXError`.
//
// Ownership: `XLSXWorkbook` owns the `lxw_workbook`; worksheets, formats, charts and series
// belong to it and die with it, so the wrappers below hold plain pointers and are only valid
// until `close()`. Every string handed to C is first copied into the workbook's arena, which is
// freed only after `workbook_close` (or `lxw_workbook_free`). libxlsxwriter 1.1.4 duplicates the
// strings it keeps (checked in its source: sheet names, document properties, table headers,
// chart, series and axis names, formulas, URLs), but the option structs (`lxw_doc_properties`,
// `lxw_table_column`, `lxw_chart_options`) take `char *` members, and an arena that outlives the
// workbook means no call depends on which version copies what. The one thing freed early is the
// `lxw_table_column` pointer array, which `worksheet_add_table` reads only during the call.

/// A libxlsxwriter call that failed, with the library's own explanation (`lxw_strerror`).
struct XLSXError: Error, Equatable, CustomStringConvertible {
    /// The C function that failed, e.g. `worksheet_write_string`.
    var function: String
    /// The `lxw_error` code, or nil when the call returned no handle (NULL).
    var code: Int?
    var message: String

    var description: String { "\(function): \(message)" }
}

/// An `.xlsx` file being built. Create it, add sheets, formats and charts, then `close()`:
/// nothing is written to disk until then.
final class XLSXWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var arena: [UnsafeMutablePointer<CChar>] = []
    private var formats: [CellStyle: Format] = [:]
    let path: String

    /// Starts a workbook that `close()` will write to `path` (overwriting it).
    ///
    /// Calls `workbook_new_opt` with `constant_memory` off (worksheet tables and chart data
    /// caches need the whole sheet in memory), `tmpdir` from the `TMPDIR` environment variable
    /// when it is set (glibc's `tmpfile()`, which libxlsxwriter uses otherwise, ignores it and
    /// always writes to /tmp) and no ZIP64 (an aggregate report is far below the 4 GB ZIP limit, and plain ZIP is what Excel
    /// writes). The ZIP entries are always dated 1980-01-01, so the only time in the file is
    /// `DocumentProperties.created`.
    ///
    ///     let book = try XLSXWorkbook(path: "/tmp/report.xlsx")
    init(path: String) throws {
        self.path = path
        let tmpdir = ProcessInfo.processInfo.environment["TMPDIR"].flatMap {
            $0.isEmpty ? nil : Self.copy($0, into: &arena)
        }
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: tmpdir, use_zip64: 0)
        guard let workbook = workbook_new_opt(Self.copy(path, into: &arena), &options) else {
            Self.freeArena(&arena)
            throw XLSXError(function: "workbook_new_opt", code: nil, message: "could not create a workbook for \(path)")
        }
        handle = workbook
    }

    deinit {
        // Closed workbooks were freed by workbook_close; an abandoned one is freed here and never
        // written.
        if let handle { lxw_workbook_free(handle) }
        Self.freeArena(&arena)
    }

    /// Writes the file and frees the workbook. Call once; the sheets, formats and charts are
    /// invalid afterwards.
    ///
    /// Calls `workbook_close`, which assembles every part, zips them into `path` and frees the
    /// workbook whether or not it succeeds.
    ///
    ///     try book.close()
    func close() throws {
        guard let workbook = handle else {
            throw XLSXError(function: "workbook_close", code: nil, message: "the workbook is already closed")
        }
        handle = nil
        let code = workbook_close(workbook)
        formats.removeAll()
        Self.freeArena(&arena)
        try Self.check(code, "workbook_close")
    }

    // MARK: Document properties

    struct DocumentProperties {
        var title: String
        var subject: String
        var author: String
        var company: String
        /// Seconds since 1970. libxlsxwriter treats 0 as "now", so callers must not pass 0.
        var created: Int
    }

    /// Sets the document properties shown in File > Info and written to docProps/core.xml and
    /// docProps/app.xml. `created` is written as both dcterms:created and dcterms:modified.
    ///
    /// Calls `workbook_set_properties`. Excel limit: its Properties dialog edits up to 255
    /// characters per text field. A `created` of 0 means "now" to libxlsxwriter, which would
    /// make the output differ on every run.
    ///
    ///     try book.setProperties(.init(title: "Annual report", subject: "Tables", author: "SCP",
    ///                                  company: "SCP", created: 946_684_800))
    func setProperties(_ properties: DocumentProperties) throws {
        let workbook = try open("workbook_set_properties")
        var props = lxw_doc_properties()
        props.title = cString(properties.title)
        props.subject = cString(properties.subject)
        props.author = cString(properties.author)
        props.company = cString(properties.company)
        props.created = time_t(properties.created)
        try Self.check(workbook_set_properties(workbook, &props), "workbook_set_properties")
    }

    // MARK: Sheets

    /// Adds a worksheet at the end of the workbook.
    ///
    /// Calls `workbook_validate_sheet_name` then `workbook_add_worksheet`. Excel limits: at most
    /// 31 characters, none of `[ ] : * ? / \`, not beginning or ending with `'`, unique ignoring
    /// case.
    ///
    ///     let sheet = try book.addSheet(named: "Summary")
    func addSheet(named name: String) throws -> Sheet {
        let workbook = try open("workbook_add_worksheet")
        let cName = cString(name)
        try Self.check(workbook_validate_sheet_name(workbook, cName), "workbook_validate_sheet_name", detail: name)
        guard let worksheet = workbook_add_worksheet(workbook, cName) else {
            throw XLSXError(function: "workbook_add_worksheet", code: nil, message: "could not add sheet '\(name)'")
        }
        return Sheet(handle: worksheet, name: name, workbook: self)
    }

    // MARK: Formats

    /// What a cell looks like. Equal styles share one `lxw_format`, so styles.xml stays small.
    struct CellStyle: Hashable {
        var bold = false
        /// An Excel number format code such as `#,##0` or `0.0%`; nil for General.
        var numberFormat: String?
        var alignRight = false
        /// Wrap text within the cell (or merged range), for sentences and long labels that must
        /// stay inside the printed page instead of spilling to the right or being cut.
        var wrap = false
        /// Align to the top of the row, so a row with a wrapped cell reads across its first line.
        var alignTop = false
        /// Indent levels (about three spaces each in Excel) from the cell's left edge: the gap
        /// between a right-aligned number and left-aligned text in the next column.
        var indent = 0
    }

    /// A cell format owned by the workbook.
    struct Format {
        fileprivate let handle: UnsafeMutablePointer<lxw_format>
    }

    /// The format for `style`, created on first use.
    ///
    /// Calls `workbook_add_format`, `format_set_bold`, `format_set_num_format`,
    /// `format_set_align(LXW_ALIGN_RIGHT)`, `format_set_text_wrap`,
    /// `format_set_align(LXW_ALIGN_VERTICAL_TOP)` and `format_set_indent`. Excel limits: about
    /// 64,000 distinct cell formats per workbook; a number format code at most 255 characters
    /// (libxlsxwriter keeps 127 bytes); indent 0 to 15 levels.
    ///
    ///     let money = try book.format(.init(bold: true, numberFormat: "\"£\"#,##0"))
    func format(_ style: CellStyle) throws -> Format {
        if let existing = formats[style] { return existing }
        let workbook = try open("workbook_add_format")
        guard let format = workbook_add_format(workbook) else {
            throw XLSXError(function: "workbook_add_format", code: nil, message: "could not add a format")
        }
        if style.bold { format_set_bold(format) }
        if let code = style.numberFormat { format_set_num_format(format, cString(code)) }
        if style.alignRight { format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
        if style.wrap { format_set_text_wrap(format) }
        if style.alignTop { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if style.indent > 0 { format_set_indent(format, UInt8(min(style.indent, 15))) }
        let wrapped = Format(handle: format)
        formats[style] = wrapped
        return wrapped
    }

    // MARK: Charts

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

    // MARK: Internals

    /// A NUL-terminated copy of `string` that lives until the workbook is closed or freed.
    /// An embedded NUL ends the C string early; report text never contains one that matters.
    fileprivate func cString(_ string: String) -> UnsafeMutablePointer<CChar> {
        Self.copy(string, into: &arena)
    }

    fileprivate func open(_ function: String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XLSXError(function: function, code: nil, message: "the workbook is already closed")
        }
        return handle
    }

    private static func copy(_ string: String, into arena: inout [UnsafeMutablePointer<CChar>])
        -> UnsafeMutablePointer<CChar>
    {
        let bytes = Array(string.utf8)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { source in
            for (i, byte) in source.enumerated() { buffer[i] = CChar(bitPattern: byte) }
        }
        buffer[bytes.count] = 0
        arena.append(buffer)
        return buffer
    }

    private static func freeArena(_ arena: inout [UnsafeMutablePointer<CChar>]) {
        for buffer in arena { buffer.deallocate() }
        arena.removeAll()
    }

    /// Turns an `lxw_error` into `XLSXError`, once, with the library's text.
    fileprivate static func check(_ code: lxw_error, _ function: String, detail: String? = nil) throws {
        guard code != LXW_NO_ERROR else { return }
        var message = lxw_strerror(code).map { String(cString: $0) } ?? "libxlsxwriter error \(code.rawValue)"
        if let detail { message += " (\(detail))" }
        throw XLSXError(function: function, code: Int(code.rawValue), message: message)
    }
}

// MARK: - Sheet

extension XLSXWorkbook {
    /// A worksheet of an open workbook. Rows and columns are zero-based, as in libxlsxwriter:
    /// (0, 0) is A1.
    struct Sheet {
        fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>
        /// The sheet's name as shown on its tab.
        let name: String
        fileprivate unowned let workbook: XLSXWorkbook

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

        /// How a sheet prints: paper, orientation and how many pages wide and tall the print
        /// area is scaled to (0 for "as many as needed").
        struct PageSetup: Equatable {
            /// Excel's paper code: 9 is A4, 1 US Letter.
            var paper: Int = 9
            var landscape = false
            var pagesWide = 1
            var pagesTall = 0
        }

        /// Sets paper, orientation and fit-to-pages scaling (`<pageSetup>` and the sheet's
        /// `fitToPage` property).
        ///
        /// Calls `worksheet_set_paper`, `worksheet_set_landscape` or `worksheet_set_portrait`, and
        /// `worksheet_fit_to_pages`. Excel limits: paper codes 0 to 41 (unknown codes print on the
        /// printer's default paper); fitting overrides any print scale and manual page breaks;
        /// Excel never scales below 10%.
        ///
        ///     sheet.setPageSetup(.init(paper: 9, landscape: true, pagesWide: 1, pagesTall: 1))
        func setPageSetup(_ setup: PageSetup) {
            worksheet_set_paper(handle, UInt8(clamping: setup.paper))
            if setup.landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
            worksheet_fit_to_pages(handle, UInt16(clamping: setup.pagesWide), UInt16(clamping: setup.pagesTall))
        }

        /// Repeats rows `first...last` at the top of every printed page (Excel's print titles,
        /// the defined name `_xlnm.Print_Titles`).
        ///
        /// Calls `worksheet_repeat_rows`. Excel limit: one block of repeated rows per sheet.
        ///
        ///     try sheet.repeatRows(0, 1)   // title and header on every page
        func repeatRows(_ first: Int, _ last: Int) throws {
            let (r0, _) = try cell(first, 0, "worksheet_repeat_rows")
            let (r1, _) = try cell(last, 0, "worksheet_repeat_rows")
            try XLSXWorkbook.check(worksheet_repeat_rows(handle, r0, r1), "worksheet_repeat_rows", detail: name)
        }

        /// Limits printing to `firstRow...lastRow` × `firstColumn...lastColumn` (the defined name
        /// `_xlnm.Print_Area`).
        ///
        /// Calls `worksheet_print_area`. Excel limit: one print area per sheet here (Excel allows
        /// several, libxlsxwriter one).
        ///
        ///     try sheet.setPrintArea(0, 0, 30, 5)   // A1:F31
        func setPrintArea(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) throws {
            let (r0, c0) = try cell(firstRow, firstColumn, "worksheet_print_area")
            let (r1, c1) = try cell(lastRow, lastColumn, "worksheet_print_area")
            try XLSXWorkbook.check(worksheet_print_area(handle, r0, c0, r1, c1), "worksheet_print_area", detail: name)
        }

        /// Excel's limit on a header or footer string, codes included.
        static let maxHeaderFooterCharacters = 255

        /// Sets the printed page header, in Excel's header codes: `&L`, `&C`, `&R` start the
        /// left, centre and right parts, `&P` is the page number, `&N` the page count and `&&`
        /// a literal `&`. The caller escapes text from inputs (`PrintLayout.headerText`).
        ///
        /// Calls `worksheet_set_header`. Excel limit: 255 characters.
        ///
        ///     try sheet.setHeader("&LExample SCP&CAnnual report 2022-23&RFinance")
        func setHeader(_ codes: String) throws {
            try XLSXWorkbook.check(
                worksheet_set_header(handle, workbook.cString(codes)), "worksheet_set_header",
                detail: name)
        }

        /// Sets the printed page footer, with the codes of `setHeader`.
        ///
        /// Calls `worksheet_set_footer`. Excel limit: 255 characters.
        ///
        ///     try sheet.setFooter("&CPage &P of &N")
        func setFooter(_ codes: String) throws {
            try XLSXWorkbook.check(
                worksheet_set_footer(handle, workbook.cString(codes)), "worksheet_set_footer",
                detail: name)
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

        private func cell(_ row: Int, _ column: Int, _ function: String) throws -> (lxw_row_t, lxw_col_t) {
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

// MARK: - Chart

extension XLSXWorkbook {
    /// A chart of an open workbook.
    struct Chart {
        fileprivate let handle: UnsafeMutablePointer<lxw_chart>
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
