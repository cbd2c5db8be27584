/// A money column whose header says its figures are in thousands of pounds (`Amount (£000)`,
/// `£'000`, `£ 000s`, `£k`, `(000)`, `Amount in thousands`). Read as pounds, `125` would be
/// £125 instead of £125,000, so such a column is never read as `amount` (an error naming the
/// header stops the file) nor offered as it by the "add these lines to annual-report.yaml"
/// advice: the ledger must hold pounds.
enum ThousandsHeader {
    /// Whether the header says thousands: after lower-casing and dropping spaces, `£000`,
    /// `(000`, `000s`, `'000`, `£k`, `(k)` or `thousand`.
    static func says(_ header: String) -> Bool {
        let text = header.lowercased().filter { $0 != " " && $0 != "\u{A0}" }
        if ["'000", "’000", "‘000"].contains(where: text.contains) { return true }
        let bare = text.filter { $0 != "'" && $0 != "’" && $0 != "‘" }
        return ["£000", "(000", "000s", "£k", "(k)", "gbp000", "gbpk", "thousand"].contains(where: bare.contains)
    }

    /// The dataset's money columns (finance's `amount`): the figures a summary row totals in pounds.
    static func moneyColumns(_ schema: DatasetSchema) -> Set<String> {
        Set(schema.totalled.filter(\.isMoney).map(\.column))
    }

    /// A money column the file's header maps (by name, alias or `columns:`) to a header that
    /// says thousands: the column's name and the header's field index.
    static func mapped(_ header: HeaderMap, schema: DatasetSchema) -> (column: String, field: Int)? {
        let money = moneyColumns(schema)
        for (i, column) in schema.columns.enumerated() where money.contains(column.name) {
            if let f = header.fieldIndex[i], says(header.names[f]) { return (column.name, f) }
        }
        return nil
    }

    /// How to make a column of thousands the money column.
    static func fix(column: String) -> String {
        "multiply its figures by 1,000 (125 becomes 125000) and name it '\(column)'"
    }

    /// The error for a money column read from a header that says thousands.
    static func error(_ header: HeaderMap, schema: DatasetSchema, file: String, line: Int) -> Diagnostic? {
        guard let (column, f) = mapped(header, schema: schema) else { return nil }
        return Diagnostic(
            .error, file: file, line: line, column: nil,
            "column \(f + 1) ('\(header.names[f])') is read as '\(column)', but its header says the figures are in thousands of pounds; expected pounds, as the report shows them: \(fix(column: column))"
        ).ofWholeFile
    }

    /// For a missing money column: the advice about a header of the file that says thousands,
    /// in place of offering it as the column.
    static func advice(_ header: HeaderMap, column: String) -> String? {
        guard
            let f = header.names.indices.first(where: {
                says(header.names[$0]) && header.unknown.contains(header.names[$0])
            })
        else { return nil }
        return
            "column \(f + 1) ('\(header.names[f])') holds thousands of pounds, and the ledger must hold pounds: \(fix(column: column))"
    }
}
