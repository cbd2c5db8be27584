/// Writes the report as one Markdown document: sections in the published report's order,
/// headline sentences, tables, chart images, and the data-quality section last.
enum MarkdownWriter {
    /// `chartPaths` maps a chart id to the relative path of its SVG, when charts were written.
    static func markdown(_ report: Report, chartPaths: [String: String] = [:]) -> String {
        var out = "# \(escapeInline(report.title))\n\n"
        out +=
            "Tables and figures for \(report.year) (1 April \(report.year.startYear) to 31 March \(report.year.startYear + 1)), from the partnership's records.\n"
        for section in report.sections {
            out += "\n## \(escapeInline(section.title))\n"
            for note in section.notes { out += "\n_\(escapeInline(note))_\n" }
            for paragraph in section.paragraphs { out += "\n\(escapeInline(paragraph))\n" }
            for chart in section.charts {
                if let path = chartPaths[chart.id] { out += "\n![\(escapeInline(chart.title))](\(path))\n" }
            }
            for table in section.tables { out += "\n" + render(table) }
        }
        out += "\n## Data quality\n\n"
        out += render(report.dataQuality.ledgerTable, withNotes: false)
        if !report.dataQuality.notes.isEmpty {
            out += "\nNotes:\n\n"
            for note in report.dataQuality.notes { out += "- \(escapeInline(note))\n" }
        }
        if !report.dataQuality.rejected.isEmpty {
            out += "\nRejected rows (also in rejects.csv):\n\n"
            for r in report.dataQuality.rejected { out += "- \(escapeInline("\(r.file):\(r.line): \(r.reason)"))\n" }
        }
        return out
    }

    static func render(_ table: ReportTable, withNotes: Bool = true) -> String {
        var out = "### \(escapeInline(table.title))\n\n"
        out += "| " + table.columns.map { escapeCell($0.title) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.kind == .label || $0.kind == .text ? " --- |" : " ---: |" }.joined() + "\n"
        for row in table.rows {
            let cells = zip(row.cells, table.columns).map { cell, column -> String in
                let text = escapeCell(CellText.display(cell.value, column: column.kind))
                return row.role == .body || text.isEmpty ? text : "**\(text)**"
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if withNotes { for note in table.notes { out += "\n_\(escapeInline(note))_\n" } }
        return out
    }

    /// Text from inputs is data: HTML and Markdown markup is neutralised, and a table cell
    /// cannot gain or lose columns (`|`) or rows (line breaks).
    static func escapeCell(_ text: String) -> String {
        escapeInline(text).replacingAll("|", with: "\\|")
    }

    /// Whether `escapeInline` rewrites this byte's character.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "`"),
            UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), 0x0A, 0x0D:
            true
        default: false
        }
    }

    static func escapeInline(_ text: String) -> String {
        // Most cells (figures, names) have nothing to escape: return them as they are.
        if !text.utf8.contains(where: isSpecial) { return text }
        var out = ""
        out.reserveCapacity(text.count)
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            switch ch {
            // Only an `&` that could start an entity (`&amp;`, `&#60;`) needs escaping.
            case "&" where i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == "#"): out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]": out += "\\\(ch)"
            case "\r\n", "\n", "\r": out += "<br>"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
