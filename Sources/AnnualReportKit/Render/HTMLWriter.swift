/// Writes the report as `annual-report.html`: one self-contained page for the browser, for
/// print and for pasting into Word.
///
/// What the page holds, in the order of the Markdown report: the title (the page's only `h1`)
/// and the period, a contents list (sections and their tables), then one `section` per report
/// section with an `h2`, its notes, headline sentences, and each table followed by its charts,
/// and the data-quality section last.
///
/// - Self-contained: the CSS is inline, the charts are `SVGChartWriter`'s SVG inlined, there is
///   no script, and a Content-Security-Policy forbids every request (`default-src 'none'`).
/// - Accessible: `lang="en-GB"`; every table has a `caption` (its title), `th scope="col"` for
///   column titles and `th scope="row"` for row labels; number columns right-aligned; every
///   chart is `role="img"` labelled by its `<title>` and a `<desc>` listing its figures; text
///   and borders meet WCAG AA contrast (body text #1a1a1a, notes #404040 on white).
/// - Printable: A4 with margins and "Page n of N" (`@page`); the contents in two columns;
///   a table or chart that fits on a page is not split across pages (`break-inside: avoid`); a
///   table of more than `longTable` rows, taller than a page, breaks between rows with its
///   header repeated; charts at most 80 mm high, so they share a page with their table;
///   headings stay with what follows; no section forces a page break. The sample prints on 12
///   A4 pages.
/// - On a phone: each table sits in its own sideways-scrolling box with its row labels kept
///   in view, so the page itself never scrolls sideways; every text (title, period, contents,
///   body, tables, notes) keeps its years, dates and hyphenated words on one line; negative
///   figures use a minus sign.
/// - Pastes into Word: plain `table`/`thead`/`tbody` markup with no nested cells; the only
///   merged cell is a heading row's (a priority over its measures), one `th` across the table.
///
/// Cells read exactly as in the Markdown (`CellText.display`: `£119,266`, `16.4%`, `N/A`).
/// Text from inputs is escaped (`&`, `<`, `>`, quotes), so it is never markup. A chart with
/// nothing to plot (no rows or no series) is left out; an empty table keeps its caption and
/// header with one row saying "No rows recorded.".
///
/// Output is deterministic: the same report gives the same bytes.
enum HTMLWriter {
    /// The page as UTF-8 text ending in a newline.
    static func html(_ report: Report) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="generator" content="annual-report">
            <title>\(escape(report.title))</title>
            <style>
            \(stylesheet)</style>
            </head>
            <body>
            <header>
            <h1>\(prose(report.title))</h1>
            <p class="period">Tables and figures for \(prose(report.year.label)) (1 April \(report.year.startYear) to 31 March \(report.year.startYear + 1)), from the partnership&#39;s records.</p>
            </header>

            """
        out += contents(report)
        out += "<main>\n\n"
        for (index, section) in report.sections.enumerated() {
            out += render(section, number: index + 1, tables: report.tables)
        }
        out += renderDataQuality(report.dataQuality, number: report.sections.count + 1)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: Sections

    /// The contents list: each section, and under it its tables' captions, linked.
    static func contents(_ report: Report) -> String {
        var out =
            "<nav aria-labelledby=\"contents-title\">\n<p id=\"contents-title\" class=\"contents-title\">Contents</p>\n<ol>\n"
        for (index, section) in report.sections.enumerated() {
            out += "<li><a href=\"#section-\(index + 1)\">\(prose(section.title))</a>"
            let tables = section.tables.filter { !$0.columns.isEmpty }
            if !tables.isEmpty {
                out += "\n<ol>\n"
                for table in tables {
                    out += "<li><a href=\"#\(idToken("table", table.id))\">\(prose(table.title))</a></li>\n"
                }
                out += "</ol>\n"
            }
            out += "</li>\n"
        }
        out += "<li><a href=\"#section-\(report.sections.count + 1)\">Data quality</a></li>\n</ol>\n</nav>\n"
        return out
    }

    static func render(_ section: ReportSection, number: Int, tables: [ReportTable]) -> String {
        let id = "section-\(number)"
        var out = "<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n"
        out += "<h2 id=\"\(id)-heading\">\(prose(section.title))</h2>\n"
        for note in section.notes { out += "<p class=\"note\">\(prose(note))</p>\n" }
        for paragraph in section.paragraphs { out += "<p>\(prose(paragraph))</p>\n" }
        // Each chart straight after the table it draws: the reader meets the figures, then the picture.
        for table in section.tables {
            out += render(table)
            for chart in section.charts where chart.tableID == table.id { out += figure(chart, table: table) }
        }
        let own = Set(section.tables.map(\.id))
        for chart in section.charts where !own.contains(chart.tableID) {
            guard let table = tables.first(where: { $0.id == chart.tableID }) else { continue }
            out += figure(chart, table: table)
        }
        out += "</section>\n\n"
        return out
    }

    static func renderDataQuality(_ quality: DataQuality, number: Int) -> String {
        let id = "section-\(number)"
        var out = "<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n"
        out += "<h2 id=\"\(id)-heading\">Data quality</h2>\n"
        out += render(quality.ledgerTable, withNotes: false)
        if !quality.notes.isEmpty {
            out += "<h3>Notes</h3>\n<ul>\n"
            for note in quality.notes { out += "<li>\(prose(note))</li>\n" }
            out += "</ul>\n"
        }
        if !quality.rejected.isEmpty {
            out += "<h3>Rejected rows (also in rejects.csv)</h3>\n<ul>\n"
            for r in quality.rejected { out += "<li>\(prose("\(r.file):\(r.line): \(r.reason)"))</li>\n" }
            out += "</ul>\n"
        }
        out += "</section>\n\n"
        return out
    }

    // MARK: Charts

    /// The chart's SVG inline in a `figure`, or nothing when it has no rows or no series to plot.
    static func figure(_ chart: ChartSpec, table: ReportTable) -> String {
        let data = SVGChartWriter.ChartData(chart: chart, table: table)
        guard !data.categories.isEmpty, !data.series.isEmpty else { return "" }
        // The SVG is labelled by its own <title> and <desc> (role="img", aria-labelledby), so the
        // figure needs no caption repeating the title drawn inside it.
        return "<figure class=\"chart\" id=\"\(idToken("chart", chart.id))\">\n"
            + SVGChartWriter.svg(for: chart, table: table) + "</figure>\n"
    }

    // MARK: Tables

    /// One table: caption, a header row of column titles, a body with row labels as row headers.
    static func render(_ table: ReportTable, withNotes: Bool = true) -> String {
        guard !table.columns.isEmpty else {
            return "<p class=\"note\">\(prose(table.title)): no rows recorded.</p>\n"
        }
        // The box scrolls sideways on a narrow screen, so the page does not. A table taller than
        // a printed page breaks across pages (its header repeated); one that fits is kept whole.
        var out =
            "<div class=\"table-box\(table.rows.count > longTable ? " long" : "")\">\n<table id=\"\(idToken("table", table.id))\">\n"
        out += "<caption>\(prose(table.title))</caption>\n"
        out += "<thead>\n<tr>"
        for column in table.columns {
            out += "<th scope=\"col\"\(isNumber(column.kind) ? " class=\"num\"" : "")>\(prose(column.title))</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        if table.rows.isEmpty {
            out += "<tr><td colspan=\"\(table.columns.count)\">No rows recorded.</td></tr>\n"
        }
        for (index, row) in table.rows.enumerated() {
            // A heading row (a priority over its measures' rows) starts a row group of its own.
            if isHeading(row) && index > 0 { out += "</tbody>\n<tbody>\n" }
            out += render(row, columns: table.columns)
        }
        out += "</tbody>\n</table>\n</div>\n"
        if withNotes { for note in table.notes { out += "<p class=\"note\">\(prose(note))</p>\n" } }
        return out
    }

    /// Body rows above which a printed table cannot fit on one A4 page (at the print style's
    /// 9.5 pt, about 5.5 mm a row in 270 mm), so it breaks between rows rather than start a page
    /// it would still overflow. Up to this, a table is kept whole, as SPEC asks of one that fits.
    static let longTable = 40

    /// One body row: its label a row header, figures right-aligned. A heading row (a group row
    /// with nothing but its label) is one header cell across the table, so a long name (a
    /// priority's) does not widen the label column or wrap in it; its `span` stays in view
    /// when the table scrolls sideways on a phone.
    static func render(_ row: ReportRow, columns: [ReportColumn]) -> String {
        if isHeading(row) {
            let text = row.cells.first.map { prose(CellText.display($0.value, column: .label)) } ?? ""
            return
                "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"\(columns.count)\"><span>\(text)</span></th></tr>\n"
        }
        var out =
            switch row.role {
            case .body: "<tr>"
            case .group: "<tr class=\"group\">"
            case .total: "<tr class=\"total\">"
            }
        for (index, column) in columns.enumerated() {
            let value = index < row.cells.count ? row.cells[index].value : .empty
            let text = prose(CellText.display(value, column: column.kind))
            if index == 0 && column.kind == .label {
                out += "<th scope=\"row\">\(text)</th>"
            } else {
                out += isNumber(column.kind) ? "<td class=\"num\">\(minusSign(text))</td>" : "<td>\(text)</td>"
            }
        }
        return out + "</tr>\n"
    }

    /// A group row whose cells after the first are all empty: a heading over the rows below it.
    static func isHeading(_ row: ReportRow) -> Bool {
        row.role == .group && row.cells.count > 1 && row.cells.dropFirst().allSatisfy { $0.value == .empty }
    }

    /// `-£503` as `−£503`: a minus sign (U+2212) reads as one and is as wide as a plus.
    static func minusSign(_ figure: String) -> String {
        figure.hasPrefix("-") ? "\u{2212}" + figure.dropFirst() : figure
    }

    static func isNumber(_ kind: ReportColumn.Kind) -> Bool {
        switch kind {
        case .count, .money, .percent, .decimal, .figureText: true
        case .label, .text: false
        }
    }

    // MARK: Text

    /// Text of the page (title, period, contents, body, tables, data-quality notes): escaped,
    /// and each short hyphenated word (`2022-23`, `face-to-face`, `2021-01-14`, `1–5`) kept on
    /// one line, so a narrow page never breaks `2022-` from `23`.
    static func prose(_ text: String) -> String { keepingHyphenatedWords(escape(text)) }

    /// Escaped HTML text with each short word joined by hyphens or en dashes in a `nowrap`
    /// span. Longer ones (over 24 characters) may still break: on a phone they could not fit.
    static func keepingHyphenatedWords(_ escaped: String) -> String {
        guard escaped.contains("-") || escaped.contains("\u{2013}") else { return escaped }
        var out = ""
        var word = ""
        var hyphenated = false
        func flush() {
            let joined = { (c: Character?) in c.map { $0.isLetter || $0.isNumber } ?? false }
            if hyphenated && word.count <= 24 && joined(word.first) && joined(word.last) {
                out += "<span class=\"nw\">\(word)</span>"
            } else {
                out += word
            }
            word = ""
            hyphenated = false
        }
        for ch in escaped {
            let joiner = ch == "-" || ch == "\u{2013}"
            if ch.isLetter || ch.isNumber || joiner {
                word.append(ch)
                if joiner { hyphenated = true }
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }

    /// Text from inputs as HTML text or attribute value: `&`, `<`, `>`, `"` and `'` escaped;
    /// control characters other than tab and line breaks (which HTML cannot hold) made spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "\n"
            default:
                let v = scalar.value
                let control =
                    v < 0x20 || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
                out.unicodeScalars.append(control ? " " : scalar)
            }
        }
        return out
    }

    /// `prefix-` and `id` with anything but ASCII letters, digits, `-` and `_` made `-`: a
    /// valid, stable element id.
    static func idToken(_ prefix: String, _ id: String) -> String {
        prefix + "-"
            + String(
                id.unicodeScalars.map { scalar -> Character in
                    scalar.isASCII
                        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
                            || scalar == "_")
                        ? Character(scalar) : "-"
                })
    }

    // MARK: Style

    /// Screen and print styles. Colours meet WCAG AA on white: text #1a1a1a (17:1), notes
    /// #404040 (10:1), header cells #1a1a1a on #e6ebf3 (14:1), borders #6b6b6b (5.3:1, for
    /// the 3:1 of non-text contrast).
    static let stylesheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.45; margin: 0 auto; max-width: 62rem; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.75em; line-height: 1.25; margin: 1rem 0 0.5rem; }
        h2 { font-size: 1.4em; margin: 2.5rem 0 0.75rem; border-bottom: 2px solid #1f3b73; padding-bottom: 0.25rem; }
        h3 { font-size: 1.1em; margin: 1.5rem 0 0.5rem; }
        p, li { max-width: 48rem; }
        .period { color: #404040; }
        .note { color: #404040; font-style: italic; }
        table { border-collapse: collapse; margin: 1.5rem 0 0.75rem; font-variant-numeric: tabular-nums; min-width: min(100%, 30rem); }
        caption { caption-side: top; text-align: left; font-weight: bold; font-size: 1.05em; padding: 0 0 0.4rem; }
        th, td { border: 1px solid #6b6b6b; padding: 0.3rem 0.6rem; vertical-align: top; text-align: left; }
        thead th { background: #e6ebf3; }
        tbody th { font-weight: normal; }
        .num { text-align: right; white-space: nowrap; }
        thead th.num { white-space: normal; }
        .nw { white-space: nowrap; }
        tr.total th, tr.total td, tr.group th, tr.group td { font-weight: bold; }
        tr.total th, tr.total td { border-top: 2px solid #1a1a1a; }
        .table-box th[scope="rowgroup"] { background: #f2f4f8; }
        /* In a table wider than the screen, its caption and row-group headings wrap to the
           screen's width and stay in view as the table scrolls sideways. */
        caption { position: sticky; left: 0; max-width: calc(100vw - 1.5rem); }
        .table-box th[scope="rowgroup"] > span { display: block; position: sticky; left: 0.6rem; max-width: calc(100vw - 3rem); }
        figure.chart { margin: 1.5rem 0; }
        figure.chart svg { max-width: 100%; height: auto; }
        .table-box { overflow-x: auto; max-width: 100%; }
        .table-box table { margin: 1.5rem 0 0.75rem; }
        .table-box tbody th { position: sticky; left: 0; background: #ffffff; }
        .table-box thead th:first-child { position: sticky; left: 0; z-index: 1; }
        nav { margin: 1rem 0 2rem; }
        .contents-title { font-weight: bold; margin-bottom: 0.25rem; }
        nav ol { margin: 0; padding-left: 1.5rem; }
        nav ol ol { font-size: 0.95em; }
        @media (max-width: 40rem) {
          body { padding: 0.5rem 0.75rem 2rem; }
          th, td { padding: 0.25rem 0.4rem; }
          /* A chart keeps its own size (12 px labels) and scrolls in its box, as a wide table does. */
          figure.chart { overflow-x: auto; }
          figure.chart svg { max-width: none; }
        }
        @page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
        @media print {
          body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.35; }
          h2 { margin: 1.5rem 0 0.5rem; }
          p { margin: 0.5em 0; }
          h2, h3, caption { break-after: avoid; }
          nav > ol { columns: 2; column-gap: 2rem; }
          nav > ol > li { break-inside: avoid; }
          nav a { color: inherit; text-decoration: none; }
          .table-box { overflow: visible; }
          .table-box tbody th, .table-box thead th:first-child { position: static; }
          .table-box table, figure.chart { margin: 1rem 0 0.5rem; }
          th, td { padding: 0.15rem 0.5rem; }
          table, figure.chart { break-inside: avoid; }
          .table-box.long table { break-inside: auto; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          tr.group { break-after: avoid; }
          tbody:has(> tr.group > th[scope="rowgroup"]) { break-inside: avoid; }
          /* A chart at most a third of a page high, so it shares its page with its table. */
          figure.chart svg { width: auto; height: auto; max-width: 100%; max-height: 80mm; }
          thead th, .table-box th[scope="rowgroup"] { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
