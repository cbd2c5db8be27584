import Foundation

/// Writes a `Report` as `annual-report.xlsx`: a workbook a finance lead can audit.
///
/// Sheets, in order: "Summary" (title, partnership, year, a linked list of the tables and the
/// sections' notes), one sheet per table of the report, and "Data quality" last (the ledger, its
/// notes and any rejected rows).
///
/// Each table sheet: the table title in A1 (bold), the column titles in row 2 (bold, frozen, the
/// header of an Excel table with filter buttons), the body from row 3. Money is stored as pounds
/// with `"£"#,##0` (`"£"#,##0.00` where a cell has pence), counts with `#,##0`, percentages as
/// fractions with `0%` or `0.0%`; N/A is the text `N/A`, right-aligned. Group and total rows are
/// bold. Every cell with a `Derivation` is a live formula with its value stored, and the writer
/// checks that the formula, evaluated on the stored cells, gives the stored value: the workbook
/// recalculates on opening (libxlsxwriter sets `fullCalcOnLoad`), so a figure that disagreed
/// with its formula would change in front of the reader. Charts sit below their table and its notes.
///
/// Text from inputs is only ever written as string cells, never as formulas.
///
/// Output is byte-for-byte the same for the same report and timestamp: ZIP entries are dated
/// 1980-01-01 by libxlsxwriter and the only time inside is the document's created/modified
/// property, `documentTimestamp`.
struct XLSXWriter: Sendable {
    /// The document's created (and modified) time; nil gives `fixedTimestamp`.
    var documentTimestamp: Date?

    /// 2000-01-01T00:00:00Z, the created time when none is given.
    static let fixedTimestamp = Date(timeIntervalSince1970: 946_684_800)

    init(documentTimestamp: Date?) {
        self.documentTimestamp = documentTimestamp
    }

    /// Writes `report` to `url` (a file path; an existing file is replaced).
    func write(_ report: Report, to url: URL) throws {
        let plan = try Plan(report: report)
        let book = try XLSXWorkbook(path: url.path)
        let author = report.partnership ?? "annual-report"
        try book.setProperties(.init(title: report.title, subject: "Annual report \(report.year.label) tables",
                                     author: author, company: author, created: createdSeconds))
        let styles = try Styles(book)
        try writeSummary(report, plan: plan, book: book, styles: styles)
        for (index, table) in plan.tables.enumerated() {
            let sheet = try book.addSheet(named: plan.sheetNames[index])
            let charts = plan.charts(onTable: index).filter { !Self.chartRows($0, table: table).isEmpty }
            let printed = try writeTable(table, to: sheet, styles: styles, chartsBelow: !charts.isEmpty)
            var lastRow = printed.lastRow
            var extraHeight = printed.extraHeight
            if table.id == Plan.dataQualityTableID {
                let rejects = try writeRejectedRows(report.dataQuality.rejected, below: table, printed: printed, to: sheet,
                                                    styles: styles)
                lastRow = max(lastRow, rejects.lastRow)
                extraHeight += rejects.extraHeight
            }
            // Charts below the table and its notes, from column A: on the same printed page as
            // the table, within (or setting) the printed width.
            var chartRow = lastRow + 2
            for chart in charts {
                let rows = try insertChart(chart, table: table, sheet: sheet, row: chartRow, book: book)
                if rows > 0 { lastRow = chartRow + rows - 2; chartRow += rows }
            }
            try setUpPrinting(sheet, report: report, lastRow: lastRow, lastColumn: printed.lastColumn,
                              width: printed.width, extraHeight: extraHeight, repeatHeader: true)
        }
        try book.close()
    }

    /// Seconds since 1970 for the document properties. libxlsxwriter reads 0 as "now", so the
    /// epoch itself (SOURCE_DATE_EPOCH=0) is written one second later; the range is kept within
    /// what Excel shows (up to 9999).
    var createdSeconds: Int {
        let seconds = (documentTimestamp ?? Self.fixedTimestamp).timeIntervalSince1970
        guard seconds.isFinite else { return Int(Self.fixedTimestamp.timeIntervalSince1970) }
        return Int(min(max(seconds.rounded(.down), 1), 253_402_300_799))
    }

    // MARK: Sheets

    /// Prints `sheet` as the reader expects: A4, one page wide (and one tall when it fits),
    /// landscape when that prints larger, the print area `A1` to (`lastRow`, `lastColumn`), the
    /// partnership, report and sheet in the header, "Page N of M" in the footer and, for a table,
    /// its title and header rows on every page. `width` is the content's width in pixels and
    /// `extraHeight` the pixels its taller-than-default rows add.
    private func setUpPrinting(_ sheet: XLSXWorkbook.Sheet, report: Report, lastRow: Int, lastColumn: Int, width: Int,
                               extraHeight: Int, repeatHeader: Bool) throws {
        let height = (lastRow + 1) * PrintLayout.rowPixels + extraHeight
        sheet.setPageSetup(PrintLayout.pageSetup(width: width, height: height))
        try sheet.setPrintArea(0, 0, lastRow, lastColumn)
        if repeatHeader { try sheet.repeatRows(TableLayout.titleRow, TableLayout.headerRow) }
        try sheet.setHeader(PrintLayout.headerText(partnership: report.partnership, year: report.year.label, sheet: sheet.name))
        try sheet.setFooter(PrintLayout.footer)
    }

    /// Writes `text` wrapped over columns `0...lastColumn` of `row` (`width` pixels) with the row
    /// made tall enough; returns the pixels the row adds to the default height.
    private func writeWrapped(_ text: String, row: Int, lastColumn: Int, width: Int, sheet: XLSXWorkbook.Sheet,
                              styles: Styles) throws -> Int {
        if lastColumn > 0 {
            try sheet.mergeString(row, 0, row, lastColumn, text, styles.wrapped)
        } else {
            try sheet.writeString(row, 0, text, styles.wrapped)
        }
        let lines = PrintLayout.wrappedLines(text, pixels: width)
        guard lines > 1 else { return 0 }
        try sheet.setRowHeight(row, PrintLayout.rowHeight(lines: lines))
        return (lines - 1) * PrintLayout.rowPixels
    }

    private func writeSummary(_ report: Report, plan: Plan, book: XLSXWorkbook, styles: Styles) throws {
        let sheet = try book.addSheet(named: SheetNames.summary)
        var widths = ColumnWidths()
        var extraHeight = 0
        let sentenceWidth = PrintLayout.columnPixels(Summary.sentenceColumnWidth)
        try sheet.writeString(0, 0, report.title, styles.title)
        var row = 2
        if let partnership = report.partnership {
            try sheet.writeString(row, 0, "Partnership", styles.bold)
            try sheet.writeString(row, 1, partnership)
            widths.note(0, "Partnership"); widths.note(1, partnership)
            row += 1
        }
        try sheet.writeString(row, 0, "Reporting year", styles.bold)
        try sheet.writeString(row, 1, report.year.label)
        widths.note(0, "Reporting year"); widths.note(1, report.year.label)
        row += 2

        // The headline sentences, as the Markdown report opens each section with them.
        let headlines = report.sections.flatMap { section in section.paragraphs.map { (section.title, $0) } }
        if !headlines.isEmpty {
            try sheet.writeString(row, 0, "Headline figures", styles.bold)
            row += 1
            // Label and sentence side by side, the sentence wrapped in a fixed-width column so the
            // brief prints on one page instead of spilling across pages to the right.
            for (section, sentence) in headlines {
                try sheet.writeString(row, 0, section, styles.wrapped)
                try sheet.writeString(row, 1, sentence, styles.wrapped)
                widths.note(0, section)
                let lines = PrintLayout.wrappedLines(sentence, pixels: sentenceWidth)
                if lines > 1 {
                    try sheet.setRowHeight(row, PrintLayout.rowHeight(lines: lines))
                    extraHeight += (lines - 1) * PrintLayout.rowPixels
                }
                row += 1
            }
            row += 1
        }

        let headers = ["Section", "Table", "Sheet"]
        for (column, header) in headers.enumerated() {
            try sheet.writeString(row, column, header, styles.bold)
            widths.note(column, header)
        }
        row += 1
        for (index, table) in plan.tables.enumerated() {
            let section = plan.sectionTitles[index]
            try sheet.writeString(row, 0, section)
            try sheet.writeInternalLink(row, 1, to: plan.sheetNames[index], text: table.title)
            try sheet.writeString(row, 2, plan.sheetNames[index])
            widths.note(0, section); widths.note(2, plan.sheetNames[index])
            row += 1
        }
        // Column B holds the sentences and the table titles: a fixed width the sentences wrap in.
        widths.fix(1, Summary.sentenceColumnWidth)
        let width = (0...2).map { PrintLayout.columnPixels(widths.width($0)) }.reduce(0, +)

        let notes = report.sections.flatMap { section in section.notes.map { "\(section.title): \($0)" } }
        if !notes.isEmpty {
            row += 1
            try sheet.writeString(row, 0, "Notes", styles.bold)
            for note in notes {
                row += 1
                extraHeight += try writeWrapped(note, row: row, lastColumn: 2, width: width, sheet: sheet, styles: styles)
            }
        }
        try widths.apply(to: sheet)
        try setUpPrinting(sheet, report: report, lastRow: row - (notes.isEmpty ? 1 : 0), lastColumn: 2, width: width,
                          extraHeight: extraHeight, repeatHeader: false)
    }

    enum Summary {
        /// Characters of the Summary's column B: the headline sentences wrap within it.
        static let sentenceColumnWidth = 80.0
    }

    /// What a table sheet holds, for its print settings: the last row and column written and
    /// the width and extra height in pixels.
    struct PrintedExtent {
        var lastRow: Int
        var lastColumn: Int
        var width: Int
        var extraHeight: Int
        /// The width in pixels of each column `0...lastColumn`.
        var columnPixels: [Int]
    }

    /// Title in row 1, header in row 2, body from row 3, notes two rows below the body, each
    /// wrapped across the printed width (the table's, or a chart's below it when wider).
    private func writeTable(_ table: ReportTable, to sheet: XLSXWorkbook.Sheet, styles: Styles,
                            chartsBelow: Bool) throws -> PrintedExtent {
        let columnCount = table.columns.count
        try sheet.writeString(TableLayout.titleRow, 0, table.title, styles.title)
        var widths = ColumnWidths()
        let headers = TableLayout.excelTableHeaders(table.columns.map(\.title))
        // Titles of number columns sit right, over their numbers.
        let headerFormats = table.columns.map { column -> XLSXWorkbook.Format? in
            switch column.kind {
            case .label, .text: styles.header
            case .count, .money, .percent, .decimal, .figureText: styles.numberHeader
            }
        }
        for (column, header) in headers.enumerated() {
            try sheet.writeString(TableLayout.headerRow, column, header, headerFormats[column])
            // Room for the filter button of the Excel table's header.
            widths.note(column, header, extra: 3)
        }

        for (r, row) in table.rows.enumerated() {
            guard row.cells.count <= columnCount else {
                throw XLSXWriterError.malformedRow(table: table.id, row: r, cells: row.cells.count, columns: columnCount)
            }
            let bold = row.role != .body
            for (c, cell) in row.cells.enumerated() {
                let sheetRow = TableLayout.sheetRow(r)
                let kind = table.columns[c].kind
                widths.note(c, TableLayout.displayText(cell.value, kind: kind))
                if let derivation = cell.derivation {
                    let formula = try FormulaBuilder.formula(for: derivation, storing: cell.value, at: CellRef(row: r, column: c),
                                                             in: table)
                    let format = try styles.format(for: cell.value, kind: kind, bold: bold)
                    switch formula.result {
                    case .number(let value): try sheet.writeFormula(sheetRow, c, formula.text, result: value, format)
                    case .text(let text): try sheet.writeFormula(sheetRow, c, formula.text, textResult: text, format)
                    case .blank, .error:
                        throw XLSXWriterError.inconsistentDerivation(
                            table: table.id, cell: XLSXWorkbook.A1.cell(row: sheetRow, column: c), formula: formula.text,
                            stored: TableLayout.displayText(cell.value, kind: kind), computed: "\(formula.result)")
                    }
                    continue
                }
                let format = try styles.format(for: cell.value, kind: kind, bold: bold)
                switch cell.value {
                case .empty: continue
                case .text(let text): try sheet.writeString(sheetRow, c, text, format)
                case .notApplicable: try sheet.writeString(sheetRow, c, TableLayout.notApplicable, format)
                case .count(let n): try sheet.writeNumber(sheetRow, c, Double(n), format)
                case .money(let money): try sheet.writeNumber(sheetRow, c, money.poundsForSpreadsheet, format)
                case .percent(let ratio): try sheet.writeNumber(sheetRow, c, ratio.fractionForSpreadsheet, format)
                case .decimal(let d): try sheet.writeNumber(sheetRow, c, d.double, format)
                }
            }
        }

        // An Excel table (ListObject) over header and body rather than a bare autofilter: it gives
        // the finance lead filter buttons and banding and keeps our plain A1 formulas and bold
        // total rows as they are (LibreOffice 7.4 opens it cleanly and its recalculation agrees
        // with every stored value). What a table demands, we ensure: header cells unique,
        // non-empty text (`excelTableHeaders`; libxlsxwriter rewrites them from that list), at
        // least one body row (else no table), no overlap. No table total-row feature: our totals
        // are ordinary rows with SUM formulas, the same rows Markdown and CSV show. Sorting the
        // table would move a total row among the body rows; a filter hides rows without changing
        // any formula.
        if columnCount > 0 && !table.rows.isEmpty {
            try sheet.addTable(firstRow: TableLayout.headerRow, firstColumn: 0,
                               lastRow: TableLayout.sheetRow(table.rows.count - 1), lastColumn: columnCount - 1,
                               headers: headers, headerFormats: headerFormats)
        }
        try sheet.freezePanes(row: TableLayout.firstBodyRow, column: 0)

        // The printed width: the table's columns, widened by default-width columns to take a
        // chart (Excel's 480 pixels × 1.5) below it.
        var lastColumn = max(columnCount - 1, 0)
        var columnPixels = (0...lastColumn).map { PrintLayout.columnPixels(widths.width($0)) }
        var width = columnPixels.reduce(0, +)
        if chartsBelow {
            let chartWidth = Int(Double(XLSXWorkbook.Sheet.defaultChartSize.width) * ChartLayout.scaleX)
            while width < chartWidth {
                lastColumn += 1
                width += PrintLayout.defaultColumnPixels
                columnPixels.append(PrintLayout.defaultColumnPixels)
            }
        }
        var lastRow = max(TableLayout.sheetRow(table.rows.count) - 1, TableLayout.headerRow)
        var extraHeight = 0
        if !table.notes.isEmpty {
            var row = TableLayout.sheetRow(table.rows.count) + 1
            try sheet.writeString(row, 0, "Notes", styles.bold)
            for note in table.notes {
                row += 1
                extraHeight += try writeWrapped(note, row: row, lastColumn: lastColumn, width: width, sheet: sheet, styles: styles)
            }
            lastRow = row
        }
        try widths.apply(to: sheet)
        return PrintedExtent(lastRow: lastRow, lastColumn: lastColumn, width: width, extraHeight: extraHeight,
                             columnPixels: columnPixels)
    }

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
    }

    /// The rows set aside by `--keep-going`, below the ledger and its notes, each reason wrapped
    /// from column C to the printed width; returns the last row written and the pixels the
    /// taller rows add.
    private func writeRejectedRows(_ rejected: [RejectedRow], below table: ReportTable, printed: PrintedExtent,
                                   to sheet: XLSXWorkbook.Sheet, styles: Styles) throws -> (lastRow: Int, extraHeight: Int) {
        guard !rejected.isEmpty else { return (0, 0) }
        let reasonPixels = printed.columnPixels.dropFirst(2).reduce(0, +)
        var extraHeight = 0
        var row = TableLayout.sheetRow(table.rows.count) + 1
        if !table.notes.isEmpty { row += table.notes.count + 2 }
        try sheet.writeString(row, 0, "Rejected rows", styles.bold)
        row += 1
        for (column, header) in ["File", "Line", "Reason"].enumerated() {
            try sheet.writeString(row, column, header, styles.bold)
        }
        for reject in rejected {
            row += 1
            try sheet.writeString(row, 0, reject.file)
            try sheet.writeNumber(row, 1, Double(reject.line))
            if printed.lastColumn > 2 {
                try sheet.mergeString(row, 2, row, printed.lastColumn, reject.reason, styles.wrapped)
                let lines = PrintLayout.wrappedLines(reject.reason, pixels: reasonPixels)
                if lines > 1 {
                    try sheet.setRowHeight(row, PrintLayout.rowHeight(lines: lines))
                    extraHeight += (lines - 1) * PrintLayout.rowPixels
                }
            } else {
                try sheet.writeString(row, 2, reject.reason)
            }
        }
        return (row, extraHeight)
    }

    /// The table rows a chart plots: its own, else the table's body rows.
    static func chartRows(_ spec: ChartSpec, table: ReportTable) -> [Int] {
        spec.rows.isEmpty ? table.rows.indices.filter { table.rows[$0].role == .body } : spec.rows
    }

    /// Draws `spec` below its table from column A at `row`; returns the rows it covers, plus a
    /// spare one, so the next chart of the table goes below it. A chart over a table with no
    /// body rows has nothing to plot and is left out (0 rows).
    private func insertChart(_ spec: ChartSpec, table: ReportTable, sheet: XLSXWorkbook.Sheet, row: Int,
                             book: XLSXWorkbook) throws -> Int {
        let rows = Self.chartRows(spec, table: table)
        if rows.isEmpty { return 0 }
        guard rows.allSatisfy(table.rows.indices.contains) else {
            throw XLSXWriterError.badChart(chart: spec.id, reason: "rows \(spec.rows) are not body rows of table '\(table.id)'")
        }
        guard !spec.seriesColumns.isEmpty, spec.seriesColumns.allSatisfy(table.columns.indices.contains) else {
            throw XLSXWriterError.badChart(chart: spec.id,
                                           reason: "series columns \(spec.seriesColumns) are not columns of table '\(table.id)'")
        }
        let type: XLSXWorkbook.ChartType = switch spec.style {
        case .column: .column
        case .stackedColumn: .stackedColumn
        case .bar: .bar
        case .line: .line
        }
        let chart = try book.addChart(type)
        let sheetRows = rows.map(TableLayout.sheetRow)
        for column in spec.seriesColumns {
            try chart.addSeries(categories: .init(sheet: sheet.name, rows: sheetRows, column: 0),
                                values: .init(sheet: sheet.name, rows: sheetRows, column: column),
                                nameRow: TableLayout.headerRow, nameColumn: column)
        }
        chart.setTitle(spec.title)
        chart.setAxisTitles(category: spec.xAxisTitle, value: spec.yAxisTitle)
        chart.setLegendBottom()
        if let format = ChartLayout.valueAxisFormat(spec.seriesColumns.map { table.columns[$0].kind }) {
            chart.setValueAxisNumberFormat(format)
        }
        // Half as large again as Excel's default, and taller when long category labels (business
        // priorities) would squeeze the plot: column and line charts slant them under the axis,
        // bar charts stack them down the side.
        let longestLabel = rows.map { r in
            table.rows[r].cells.first.map { TableLayout.displayText($0.value, kind: table.columns[0].kind).count } ?? 0
        }.max() ?? 0
        let scale = (x: ChartLayout.scaleX, y: longestLabel > 25 || (type == .bar && rows.count > 8) ? 2.0 : 1.5)
        try sheet.insertChart(row, 0, chart, scale: scale, description: spec.title)
        let height = Double(XLSXWorkbook.Sheet.defaultChartSize.height) * scale.y
        return Int((height / TableLayout.rowHeightPixels).rounded(.up)) + 1
    }
}

/// Why the workbook could not be written; the report model broke a rule the workbook relies on.
enum XLSXWriterError: Error, Equatable, CustomStringConvertible {
    /// A row has more cells than the table has columns.
    case malformedRow(table: String, row: Int, cells: Int, columns: Int)
    /// A derivation points outside its table.
    case badReference(table: String, cell: String, reference: CellRef)
    /// A derived cell's stored value is not what its formula computes from the stored cells.
    case inconsistentDerivation(table: String, cell: String, formula: String, stored: String, computed: String)
    /// A chart names a table the report does not have, or rows or columns it lacks.
    case badChart(chart: String, reason: String)

    var description: String {
        switch self {
        case let .malformedRow(table, row, cells, columns):
            "table '\(table)' body row \(row + 1) has \(cells) cells; expected at most \(columns), one per column"
        case let .badReference(table, cell, reference):
            "table '\(table)' cell \(cell) derives from row \(reference.row + 1), column \(reference.column + 1), which is not in the table"
        case let .inconsistentDerivation(table, cell, formula, stored, computed):
            "table '\(table)' cell \(cell) stores \(stored) but its formula =\(formula) computes \(computed)"
        case let .badChart(chart, reason):
            "chart '\(chart)': \(reason)"
        }
    }
}

extension XLSXWriter {
    // MARK: - Plan: sheets, names, charts

    /// Which sheet each table gets and which charts go where, decided before any C call.
    struct Plan {
        /// The id of `DataQuality.ledgerTable`, whose sheet is "Data quality".
        static let dataQualityTableID = "data-quality"

        var tables: [ReportTable]
        var sheetNames: [String]
        /// The title of the section each table belongs to ("Data quality" for the ledger).
        var sectionTitles: [String]
        /// Charts in report order with the index of their table.
        var placedCharts: [(table: Int, spec: ChartSpec)]

        init(report: Report) throws {
            tables = report.tables
            sectionTitles = report.sections.flatMap { section in section.tables.map { _ in section.title } } + ["Data quality"]
            var names = SheetNames()
            names.reserve(SheetNames.summary)
            names.reserve(SheetNames.dataQuality)
            names.reserve("History") // Excel reserves it for its change tracking.
            sheetNames = tables.enumerated().map { index, table in
                table.id == Plan.dataQualityTableID && index == report.tables.count - 1
                    ? SheetNames.dataQuality
                    : names.unique(SheetNames.candidates(table.title, fallback: table.id, index: index))
            }
            var placed: [(table: Int, spec: ChartSpec)] = []
            for chart in report.sections.flatMap(\.charts) {
                guard let index = tables.firstIndex(where: { $0.id == chart.tableID }) else {
                    throw XLSXWriterError.badChart(chart: chart.id, reason: "no table with id '\(chart.tableID)'")
                }
                placed.append((index, chart))
            }
            placedCharts = placed
        }

        func charts(onTable index: Int) -> [ChartSpec] {
            placedCharts.filter { $0.table == index }.map(\.spec)
        }
    }

    // MARK: - Layout, formats and widths

    enum TableLayout {
        static let titleRow = 0
        static let headerRow = 1
        static let firstBodyRow = 2
        static let notApplicable = "N/A"
        /// Excel's default row height, 15 points.
        static let rowHeightPixels = 20.0

        /// The sheet row (zero-based) of a body row.
        static func sheetRow(_ bodyRow: Int) -> Int { bodyRow + firstBodyRow }

        /// `CellRef(row: 0, column: 1)` -> `B3`.
        static func address(_ ref: CellRef) -> String { XLSXWorkbook.A1.cell(row: sheetRow(ref.row), column: ref.column) }

        /// Column titles as an Excel table header: control characters made spaces, at most 255
        /// characters, none empty ("Column n"), unique ignoring case ("Change (2)").
        static func excelTableHeaders(_ titles: [String]) -> [String] {
            var seen: Set<String> = []
            return titles.enumerated().map { index, title in
                var base = String(title.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
                    .trimmingCharacters(in: .whitespaces)
                if base.isEmpty { base = "Column \(index + 1)" }
                base = String(base.prefix(240))
                var header = base
                var n = 2
                while seen.contains(header.lowercased()) {
                    header = "\(base) (\(n))"
                    n += 1
                }
                seen.insert(header.lowercased())
                return header
            }
        }

        static func percentDecimals(_ kind: ReportColumn.Kind) -> Int { kind.percentDecimals }

        /// The text a reader sees, for column widths: the one cell-to-text of every writer.
        static func displayText(_ value: CellValue, kind: ReportColumn.Kind) -> String { CellText.display(value, column: kind) }

        static let wholePounds = "\"£\"#,##0"
        static let poundsAndPence = "\"£\"#,##0.00"
        static let count = "#,##0"

        static func percentFormat(decimals: Int) -> String {
            decimals <= 0 ? "0%" : "0." + String(repeating: "0", count: decimals) + "%"
        }
    }

    /// The workbook's formats, created once.
    struct Styles {
        let book: XLSXWorkbook
        let title: XLSXWorkbook.Format
        let header: XLSXWorkbook.Format
        let numberHeader: XLSXWorkbook.Format
        let bold: XLSXWorkbook.Format
        /// Sentences wrapped to the printed width, top-aligned.
        let wrapped: XLSXWorkbook.Format

        init(_ book: XLSXWorkbook) throws {
            self.book = book
            title = try book.format(.init(bold: true))
            header = title
            numberHeader = try book.format(.init(bold: true, alignRight: true))
            bold = title
            wrapped = try book.format(.init(wrapTop: true))
        }

        func format(for value: CellValue, kind: ReportColumn.Kind, bold: Bool) throws -> XLSXWorkbook.Format? {
            var style = XLSXWorkbook.CellStyle(bold: bold)
            switch value {
            case .empty: break
            case .text: style.alignRight = kind == .figureText
            case .notApplicable: style.alignRight = true
            case .count: style.numberFormat = TableLayout.count
            case .money(let money):
                style.numberFormat = money.pence % 100 == 0 ? TableLayout.wholePounds : TableLayout.poundsAndPence
            case .percent: style.numberFormat = TableLayout.percentFormat(decimals: TableLayout.percentDecimals(kind))
            case .decimal(let d): style.numberFormat = d.places > 0 ? "0." + String(repeating: "0", count: min(d.places, 10)) : "0"
            }
            return style == XLSXWorkbook.CellStyle() ? nil : try book.format(style)
        }
    }

    /// Column widths from the longest text in each column, in characters of the default font.
    struct ColumnWidths {
        static let minimum = 8.0
        static let maximum = 60.0
        private var longest: [Int: Int] = [:]

        mutating func note(_ column: Int, _ text: String, extra: Int = 0) {
            let length = text.split(separator: "\n").map(\.count).max() ?? 0
            longest[column] = max(longest[column] ?? 0, length + extra)
        }

        private var fixed: [Int: Double] = [:]

        /// Gives `column` exactly `width` characters, whatever its content.
        mutating func fix(_ column: Int, _ width: Double) { fixed[column] = width }

        func width(_ column: Int) -> Double {
            if let width = fixed[column] { return width }
            return min(Self.maximum, max(Self.minimum, Double(longest[column] ?? 0) + 2))
        }

        func apply(to sheet: XLSXWorkbook.Sheet) throws {
            for column in Set(longest.keys).union(fixed.keys).sorted() {
                try sheet.setColumnWidth(column, column, width(column))
            }
        }
    }

}
