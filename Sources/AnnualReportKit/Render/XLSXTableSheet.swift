extension XLSXWriter {
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
    ///
    /// So that nothing is cut or runs together when printed: names and other text longer than
    /// `ColumnWidths.wrapAt` characters wrap in their cell, their row made tall enough and the
    /// row's other cells aligned to its first line; a text column after a number column is
    /// indented, so `19` and `yes` do not touch; and the printed width takes the title on one
    /// line (default-width columns are added to the right when the table is narrower), or,
    /// past a portrait page's width, the title wraps in cells merged across the table.
    func writeTable(
        _ table: ReportTable, to sheet: XLSXWorkbook.Sheet, styles: Styles,
        chartsBelow: Bool
    ) throws -> PrintedExtent {
        let columnCount = table.columns.count
        for (r, row) in table.rows.enumerated() where row.cells.count > columnCount {
            throw XLSXWriterError.malformedRow(table: table.id, row: r, cells: row.cells.count, columns: columnCount)
        }
        let indents = TableLayout.indents(table.columns.map(\.kind))
        let headers = TableLayout.excelTableHeaders(table.columns.map(\.title))
        let widths = measureWidths(table, headers: headers, indents: indents)
        let headerFormats = try writeHeader(headers, of: table, indents: indents, to: sheet, styles: styles)
        var extraHeight = 0
        for (r, row) in table.rows.enumerated() {
            extraHeight += try writeRow(
                row, at: r, of: table, to: sheet, styles: styles, widths: widths, indents: indents)
        }
        try addExcelTable(over: table, headers: headers, headerFormats: headerFormats, to: sheet)
        try sheet.freezePanes(row: TableLayout.firstBodyRow, column: 0)

        let printed = printedColumns(table, widths: widths, chartsBelow: chartsBelow)
        extraHeight += try writeTitle(
            table.title, lastColumn: printed.lastColumn, width: printed.width, to: sheet, styles: styles)
        var lastRow = max(TableLayout.sheetRow(table.rows.count) - 1, TableLayout.headerRow)
        if !table.notes.isEmpty {
            let notes = try writeNotes(
                of: table, lastColumn: printed.lastColumn, width: printed.width, to: sheet, styles: styles)
            lastRow = notes.lastRow
            extraHeight += notes.extraHeight
        }
        try widths.apply(to: sheet)
        return PrintedExtent(
            lastRow: lastRow, lastColumn: printed.lastColumn, width: printed.width, extraHeight: extraHeight,
            columnPixels: printed.columnPixels)
    }

    /// Each column's width from its header (with room for the Excel table's filter button) and
    /// its cells' text, indents included.
    private func measureWidths(_ table: ReportTable, headers: [String], indents: [Int]) -> ColumnWidths {
        let kinds = table.columns.map(\.kind)
        var widths = ColumnWidths()
        for (c, header) in headers.enumerated() {
            // Room for the filter button of the Excel table's header, and for an indent.
            widths.note(c, header, extra: 3 + indents[c] * ColumnWidths.indentCharacters)
        }
        for row in table.rows {
            for (c, cell) in row.cells.enumerated() {
                widths.note(
                    c, TableLayout.displayText(cell.value, kind: kinds[c]),
                    extra: indents[c] * ColumnWidths.indentCharacters,
                    wrappable: TableLayout.wraps(cell.value, kinds[c]))
            }
        }
        return widths
    }

    /// Writes the header row in bold; returns each header cell's format, which the Excel table
    /// is given too.
    private func writeHeader(
        _ headers: [String], of table: ReportTable, indents: [Int], to sheet: XLSXWorkbook.Sheet, styles: Styles
    ) throws -> [XLSXWorkbook.Format?] {
        let kinds = table.columns.map(\.kind)
        // Titles of number columns sit right, over their numbers.
        let headerFormats = try headers.indices.map { c -> XLSXWorkbook.Format? in
            try styles.book.format(
                .init(bold: true, alignRight: !TableLayout.leftAligned(kinds[c]), indent: indents[c]))
        }
        for (c, header) in headers.enumerated() {
            try sheet.writeString(TableLayout.headerRow, c, header, headerFormats[c])
        }
        return headerFormats
    }

    /// An Excel table (ListObject) over header and body rather than a bare autofilter: it gives
    /// the finance lead filter buttons and banding and keeps our plain A1 formulas and bold
    /// total rows as they are (LibreOffice 7.4 opens it cleanly and its recalculation agrees
    /// with every stored value). What a table demands, we ensure: header cells unique,
    /// non-empty text (`excelTableHeaders`; libxlsxwriter rewrites them from that list), at
    /// least one body row (else no table), no overlap. No table total-row feature: our totals
    /// are ordinary rows with SUM formulas, the same rows Markdown and CSV show. Sorting the
    /// table would move a total row among the body rows; a filter hides rows without changing
    /// any formula.
    private func addExcelTable(
        over table: ReportTable, headers: [String], headerFormats: [XLSXWorkbook.Format?],
        to sheet: XLSXWorkbook.Sheet
    ) throws {
        guard !table.columns.isEmpty && !table.rows.isEmpty else { return }
        try sheet.addTable(
            firstRow: TableLayout.headerRow, firstColumn: 0,
            lastRow: TableLayout.sheetRow(table.rows.count - 1), lastColumn: table.columns.count - 1,
            headers: headers, headerFormats: headerFormats)
    }

    /// The printed width: the table's columns, widened by default-width columns to take a
    /// chart (Excel's 480 pixels × 1.5) below it, and the title on one line as far as a
    /// portrait page allows.
    private func printedColumns(
        _ table: ReportTable, widths: ColumnWidths, chartsBelow: Bool
    ) -> (lastColumn: Int, columnPixels: [Int], width: Int) {
        var lastColumn = max(table.columns.count - 1, 0)
        var columnPixels = (0...lastColumn).map { PrintLayout.columnPixels(widths.width($0)) }
        var width = columnPixels.reduce(0, +)
        let chartWidth = chartsBelow ? Int(Double(XLSXWorkbook.Sheet.defaultChartSize.width) * ChartLayout.scaleX) : 0
        let titleWidth = PrintLayout.titlePixels(table.title)
        while width < chartWidth
            || (width < titleWidth && width + PrintLayout.defaultColumnPixels <= PrintLayout.portraitPixels.width)
        {
            lastColumn += 1
            columnPixels.append(PrintLayout.defaultColumnPixels)
            width += PrintLayout.defaultColumnPixels
        }
        return (lastColumn, columnPixels, width)
    }

    /// Writes the title in row 1: on one line when the printed width takes it, else wrapped in
    /// cells merged across the table. Returns the pixels it adds to the default height.
    private func writeTitle(
        _ title: String, lastColumn: Int, width: Int, to sheet: XLSXWorkbook.Sheet, styles: Styles
    ) throws -> Int {
        if PrintLayout.titlePixels(title) <= width {
            try sheet.writeString(TableLayout.titleRow, 0, title, styles.title)
            return 0
        }
        // Longer than a portrait page is wide: wrapped across the table instead.
        try sheet.mergeString(TableLayout.titleRow, 0, TableLayout.titleRow, lastColumn, title, styles.wrappedTitle)
        let lines = PrintLayout.wrappedLines(title, pixels: Int(Double(width) / 1.1))
        try sheet.setRowHeight(TableLayout.titleRow, PrintLayout.rowHeight(lines: lines))
        return (lines - 1) * PrintLayout.rowPixels
    }

    /// Writes "Notes" two rows below the body and each note under it, wrapped across the
    /// printed width. Returns the last row written and the pixels the notes add to the
    /// default height.
    private func writeNotes(
        of table: ReportTable, lastColumn: Int, width: Int, to sheet: XLSXWorkbook.Sheet, styles: Styles
    ) throws -> (lastRow: Int, extraHeight: Int) {
        var row = TableLayout.sheetRow(table.rows.count) + 1
        var extraHeight = 0
        try sheet.writeString(row, 0, "Notes", styles.bold)
        for note in table.notes {
            row += 1
            extraHeight += try writeWrapped(
                note, row: row, lastColumn: lastColumn, width: width, sheet: sheet, styles: styles)
        }
        return (row, extraHeight)
    }

    /// Writes body row `r`: its text wrapped where it is longer than its column, the row as tall
    /// as its most wrapped cell with every cell at the top, derived cells as formulas. Returns
    /// the pixels the row adds to the default height.
    private func writeRow(
        _ row: ReportRow, at r: Int, of table: ReportTable, to sheet: XLSXWorkbook.Sheet, styles: Styles,
        widths: ColumnWidths, indents: [Int]
    ) throws -> Int {
        let sheetRow = TableLayout.sheetRow(r)
        let bold = row.role != .body
        // Lines each wrapped cell takes; 0 for a cell on one line.
        let lines = row.cells.enumerated().map { c, cell -> Int in
            guard case .text(let text) = cell.value, TableLayout.wraps(cell.value, table.columns[c].kind) else {
                return 0
            }
            let room = widths.width(c) - Double(indents[c] * ColumnWidths.indentCharacters)
            let lines = PrintLayout.wrappedLines(text, columnWidth: room, bold: bold)
            return lines > 1 ? lines : 0
        }
        let tallest = lines.max() ?? 0
        for (c, cell) in row.cells.enumerated() {
            let kind = table.columns[c].kind
            let format = try styles.format(
                for: cell.value, kind: kind, bold: bold, wrap: lines[c] > 0, top: tallest > 0,
                indent: indents[c])
            if let derivation = cell.derivation {
                let formula = try FormulaBuilder.formula(
                    for: derivation, storing: cell.value, at: CellRef(row: r, column: c),
                    in: table)
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
        guard tallest > 1 else { return 0 }
        try sheet.setRowHeight(sheetRow, PrintLayout.rowHeight(lines: tallest))
        return (tallest - 1) * PrintLayout.rowPixels
    }

    /// Column widths from the longest text in each column, in characters of the default font.
    /// Text that may wrap (names, labels) widens its column to at most `wrapAt` characters;
    /// longer text wraps in its cell rather than widening the sheet (a wide sheet prints smaller).
    struct ColumnWidths {
        static let minimum = 8.0
        static let maximum = 60.0
        static let wrapAt = 40.0
        /// What one indent level takes: Excel indents about 9 pixels a level; reckoned generously.
        static let indentCharacters = 2
        private var longest: [Int: Int] = [:]
        private var longestWrappable: [Int: Int] = [:]
        private var fixed: [Int: Double] = [:]

        /// Notes `text` (its longest line) in `column`, plus `extra` characters. Wrappable text
        /// widens the column only up to `wrapAt`.
        mutating func note(_ column: Int, _ text: String, extra: Int = 0, wrappable: Bool = false) {
            let length = (text.split(separator: "\n").map(\.count).max() ?? 0) + extra
            if wrappable {
                longestWrappable[column] = max(longestWrappable[column] ?? 0, length)
            } else {
                longest[column] = max(longest[column] ?? 0, length)
            }
        }

        /// Gives `column` exactly `width` characters, whatever its content.
        mutating func fix(_ column: Int, _ width: Double) { fixed[column] = width }

        func width(_ column: Int) -> Double {
            if let width = fixed[column] { return width }
            let wrappable = min(Self.wrapAt, Double(longestWrappable[column] ?? 0) + 2)
            return min(Self.maximum, max(Self.minimum, Double(longest[column] ?? 0) + 2, wrappable))
        }

        func apply(to sheet: XLSXWorkbook.Sheet) throws {
            for column in Set(longest.keys).union(longestWrappable.keys).union(fixed.keys).sorted() {
                try sheet.setColumnWidth(column, column, width(column))
            }
        }
    }
}

extension XLSXWriter.TableLayout {
    /// Text columns read from the left; numbers, N/A and figures such as `< 0.001` from the right.
    static func leftAligned(_ kind: ReportColumn.Kind) -> Bool {
        switch kind {
        case .label, .text: true
        case .count, .money, .percent, .decimal, .figureText: false
        }
    }

    /// One indent level for a left-aligned column right of a right-aligned one, 0 elsewhere: a
    /// gap between `19` and `yes`, or "Months running" and "Beyond statutory 6 months".
    static func indents(_ kinds: [ReportColumn.Kind]) -> [Int] {
        kinds.indices.map { c in c > 0 && leftAligned(kinds[c]) && !leftAligned(kinds[c - 1]) ? 1 : 0 }
    }

    /// Whether a cell is text that may wrap in its cell: names and labels in text columns.
    static func wraps(_ value: CellValue, _ kind: ReportColumn.Kind) -> Bool {
        if case .text = value { return leftAligned(kind) }
        return false
    }
}
