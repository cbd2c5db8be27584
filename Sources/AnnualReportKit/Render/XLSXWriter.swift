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
        try book.setProperties(
            .init(
                title: report.title, subject: "Annual report \(report.year.label) tables",
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
                let rejects = try writeRejectedRows(
                    report.dataQuality.rejected, below: table, printed: printed, to: sheet,
                    styles: styles)
                lastRow = max(lastRow, rejects.lastRow)
                extraHeight += rejects.extraHeight
            }
            // Charts below the table and its notes, from column A: on the same printed page as
            // the table, within (or setting) the printed width.
            var chartRow = lastRow + 2
            for chart in charts {
                let rows = try insertChart(chart, table: table, sheet: sheet, row: chartRow, book: book)
                if rows > 0 {
                    lastRow = chartRow + rows - 2
                    chartRow += rows
                }
            }
            try setUpPrinting(
                sheet, report: report, lastRow: lastRow, lastColumn: printed.lastColumn,
                width: printed.width, extraHeight: extraHeight, repeatHeader: true, charts: !charts.isEmpty)
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
    /// partnership and report in the header, the sheet and "Page N of M" in the footer and, for a table,
    /// its title and header rows on every page. `width` is the content's width in pixels and
    /// `extraHeight` the pixels its taller-than-default rows add.
    private func setUpPrinting(
        _ sheet: XLSXWorkbook.Sheet, report: Report, lastRow: Int, lastColumn: Int, width: Int,
        extraHeight: Int, repeatHeader: Bool, charts: Bool = false
    ) throws {
        let height = (lastRow + 1) * PrintLayout.rowPixels + extraHeight
        sheet.setPageSetup(PrintLayout.pageSetup(width: width, height: height, charts: charts))
        try sheet.setPrintArea(0, 0, lastRow, lastColumn)
        if repeatHeader { try sheet.repeatRows(TableLayout.titleRow, TableLayout.headerRow) }
        try sheet.setHeader(PrintLayout.headerText(partnership: report.partnership, year: report.year.label))
        try sheet.setFooter(PrintLayout.footerText(sheet: sheet.name))
    }

    /// Writes `text` wrapped over columns `0...lastColumn` of `row` (`width` pixels) with the row
    /// made tall enough; returns the pixels the row adds to the default height.
    func writeWrapped(
        _ text: String, row: Int, lastColumn: Int, width: Int, sheet: XLSXWorkbook.Sheet,
        styles: Styles
    ) throws -> Int {
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
            widths.note(0, "Partnership")
            widths.note(1, partnership)
            row += 1
        }
        try sheet.writeString(row, 0, "Reporting year", styles.bold)
        try sheet.writeString(row, 1, report.year.label)
        widths.note(0, "Reporting year")
        widths.note(1, report.year.label)
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
            widths.note(0, section)
            widths.note(2, plan.sheetNames[index])
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
                extraHeight += try writeWrapped(
                    note, row: row, lastColumn: 2, width: width, sheet: sheet, styles: styles)
            }
        }
        try widths.apply(to: sheet)
        try setUpPrinting(
            sheet, report: report, lastRow: row - (notes.isEmpty ? 1 : 0), lastColumn: 2, width: width,
            extraHeight: extraHeight, repeatHeader: false)
    }

    enum Summary {
        /// Characters of the Summary's column B: the headline sentences wrap within it.
        static let sentenceColumnWidth = 80.0
    }

    /// The rows set aside by `--keep-going`, below the ledger and its notes, each reason wrapped
    /// from column C to the printed width; returns the last row written and the pixels the
    /// taller rows add.
    private func writeRejectedRows(
        _ rejected: [RejectedRow], below table: ReportTable, printed: PrintedExtent,
        to sheet: XLSXWorkbook.Sheet, styles: Styles
    ) throws -> (lastRow: Int, extraHeight: Int) {
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
        case .malformedRow(let table, let row, let cells, let columns):
            "table '\(table)' body row \(row + 1) has \(cells) cells; expected at most \(columns), one per column"
        case .badReference(let table, let cell, let reference):
            "table '\(table)' cell \(cell) derives from row \(reference.row + 1), column \(reference.column + 1), which is not in the table"
        case .inconsistentDerivation(let table, let cell, let formula, let stored, let computed):
            "table '\(table)' cell \(cell) stores \(stored) but its formula =\(formula) computes \(computed)"
        case .badChart(let chart, let reason):
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
            sectionTitles =
                report.sections.flatMap { section in section.tables.map { _ in section.title } } + ["Data quality"]
            var names = SheetNames()
            names.reserve(SheetNames.summary)
            names.reserve(SheetNames.dataQuality)
            names.reserve("History")  // Excel reserves it for its change tracking.
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
        static func address(_ ref: CellRef) -> String {
            XLSXWorkbook.A1.cell(row: sheetRow(ref.row), column: ref.column)
        }

        /// Column titles as an Excel table header: control characters made spaces, at most 255
        /// characters, none empty ("Column n"), unique ignoring case ("Change (2)").
        static func excelTableHeaders(_ titles: [String]) -> [String] {
            var seen: Set<String> = []
            return titles.enumerated().map { index, title in
                var base = String(
                    title.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) }
                )
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
        static func displayText(_ value: CellValue, kind: ReportColumn.Kind) -> String {
            CellText.display(value, column: kind)
        }

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
        let bold: XLSXWorkbook.Format
        /// Sentences wrapped to the printed width, top-aligned.
        let wrapped: XLSXWorkbook.Format
        /// A title too long for one line, wrapped across the table.
        let wrappedTitle: XLSXWorkbook.Format

        init(_ book: XLSXWorkbook) throws {
            self.book = book
            title = try book.format(.init(bold: true))
            bold = title
            wrapped = try book.format(.init(wrap: true, alignTop: true))
            wrappedTitle = try book.format(.init(bold: true, wrap: true, alignTop: true))
        }

        /// The format of a table cell holding `value` in a column of `kind`: its number format and
        /// alignment, bold in group and total rows, wrapped (`wrap`), at the top of a row with a
        /// wrapped cell (`top`), and `indent` levels in from the left for left-aligned text.
        func format(
            for value: CellValue, kind: ReportColumn.Kind, bold: Bool, wrap: Bool = false, top: Bool = false,
            indent: Int = 0
        ) throws -> XLSXWorkbook.Format? {
            var style = XLSXWorkbook.CellStyle(bold: bold, wrap: wrap, alignTop: top)
            switch value {
            case .empty: break
            case .text:
                style.alignRight = kind == .figureText
                if !style.alignRight { style.indent = indent }
            case .notApplicable: style.alignRight = true
            case .count: style.numberFormat = TableLayout.count
            case .money(let money):
                style.numberFormat = money.pence % 100 == 0 ? TableLayout.wholePounds : TableLayout.poundsAndPence
            case .percent: style.numberFormat = TableLayout.percentFormat(decimals: TableLayout.percentDecimals(kind))
            case .decimal(let d):
                style.numberFormat = d.places > 0 ? "0." + String(repeating: "0", count: min(d.places, 10)) : "0"
            }
            return style == XLSXWorkbook.CellStyle() ? nil : try book.format(style)
        }
    }
}
