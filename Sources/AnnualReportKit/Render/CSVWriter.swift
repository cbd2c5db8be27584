/// Writes one table as RFC 4180 CSV: one header row, plain numbers, blank for N/A, LF line ends.
enum CSVWriter {
    static func csv(_ table: ReportTable) -> String {
        var out = table.columns.map { field($0.title) }.joined(separator: ",") + "\n"
        for row in table.rows {
            out +=
                zip(row.cells, table.columns).map { cell, column in
                    let text = CellText.plain(cell.value, column: column.kind)
                    if case .text = cell.value { return field(text) }
                    return text
                }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// `rejects.csv`: file, line, reason, then the row's original fields.
    static func rejects(_ rows: [RejectedRow]) -> String {
        var out = "file,line,reason,fields\n"
        for r in rows {
            out +=
                ([field(r.file), String(r.line), field(r.reason)] + r.fields.map(field)).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Quotes when needed, and defuses spreadsheet formulas: a cell starting with `=`, `+`,
    /// `-`, `@`, tab or CR gets a leading `'` (OWASP's advice for CSV injection).
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}
