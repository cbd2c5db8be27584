/// Summary rows are control totals, not records.
///
/// Offices end their sheets with a `Total`, `Totals`, `Grand total`, `Sub-total` or `Sum` row
/// (any case, also after a blank line). Such a row is checked against the rows it summarises:
/// the rows used above it in the same file that share its filled key cells
/// (`DatasetSchema.totalKeys`, such as year, type and board), back to the previous summary
/// row that summarised them (for a `Total` or `Grand total`, the previous one of those, so that
/// it spans the sub-totals above it). Back-to-back totals for two boards each take their own
/// board's rows: a summary row takes only the rows it matches out of the running. A summary
/// row directly after others with none of its rows left in the running (`Grand total` under
/// `Total SCP contributions` and `Total SAB contributions`) totals the block: the rows those
/// summary rows took (`GrandTotalBlock`). A match is a note, a mismatch an error at the summary
/// row's figure with both figures and the difference. The ledger counts summary rows apart
/// (`FileLedger.controlTotals`).
struct ControlTotals {
    /// Summary labels, compared ignoring case, spaces, `-`, `_` and a trailing colon.
    static let labels: Set<String> = ["total", "totals", "grandtotal", "subtotal", "subtotals", "sum"]
    static let subTotalLabels: Set<String> = ["subtotal", "subtotals"]

    let schema: DatasetSchema
    let header: HeaderMap
    let file: String
    /// Field index of each totalled column present in the file.
    private let figureFields: [(DatasetSchema.Totalled, Int)]
    /// Field index of each key column present in the file.
    private let keyFields: [(String, Int)]
    /// Field index of the dataset's `date` column, when the file has one.
    private let dateField: Int?
    /// The file is `;`-separated: its figures may use a decimal comma and dots for thousands.
    var decimalComma = false
    /// A row used (or rejected, whose figures are not known) and not yet summarised.
    typealias Row = (keys: [String?], figures: [Int64], line: Int, rejected: Bool)
    /// The rows not yet taken by a summary row, and not yet by a total (not sub-total).
    private var sinceSummary: [Row] = [], sinceTotal: [Row] = []
    /// The rows summary rows have taken, for a grand total directly below them.
    private var block = GrandTotalBlock()
    /// A leading summary row (`DatasetSchema.totalsLead`), checked at the end against every row after it.
    private var leading: (record: CSVRecord, label: String)?
    /// Whether the file ends with a platform's `Showing top N results`: its list was cut.
    private var cut = false

    init(schema: DatasetSchema, header: HeaderMap, file: String) {
        self.schema = schema
        self.header = header
        self.file = file
        func field(_ name: String) -> Int? {
            schema.columns.firstIndex { $0.name == name }.flatMap { header.fieldIndex[$0] }
        }
        figureFields = schema.totalled.compactMap { t in field(t.column).map { (t, $0) } }
        keyFields = schema.totalKeys.compactMap { k in field(k).map { (k, $0) } }
        dateField = field("date")
    }

    /// A field of a row, or empty where the row is shorter than its header (a summary row
    /// is read before the check of its field count).
    static func field(_ record: CSVRecord, _ f: Int) -> String { f < record.fields.count ? record.fields[f] : "" }

    /// `Total`, `Sub-total:` …; with `leadingWord`, also a label whose first word says it sums
    /// the rows above: `Total contributions`, `Total SCP expenditure`, `Grand total income`.
    /// Read as a partner or a line, such a row would double the figure it totals. The wider rule
    /// is used only where the row's figure is then checked against the rows above it, and not
    /// for a dated row (`summaryLabel`): a course called `Total Respect` is a record.
    static func isSummaryLabel(_ text: String, leadingWord: Bool = false) -> Bool {
        if labels.contains(key(text)) { return true }
        guard leadingWord else { return false }
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == ":" })
        guard words.count >= 2 else { return false }
        let first = String(words[0])
        let two = first + words[1]
        return labels.contains(first) || (words.count >= 3 && labels.contains(two))
    }

    /// What is said of a summary row with no figure to check (or of a dataset without figures,
    /// such as an attendance register).
    static func uncheckedNote(label: String, schema: DatasetSchema) -> String {
        schema.totalled.isEmpty
            ? "the '\(label)' row is a summary row, not a record of \(schema.name); not counted (the \(schema.name) dataset has no figure to check it against)"
            : "the '\(label)' row has no \(schema.totalled.map(\.column).joined(separator: " or ")) to check; not counted as a record"
    }

    private static func key(_ text: String) -> String {
        var key = DatasetSchema.normalize(text)
        if key.hasSuffix(":") { key.removeLast() }
        return key
    }

    /// The summary label of a row (`Total`), found in any cell but its figures; nil for a record.
    /// A label that only begins with a total word counts where there is a figure to check and
    /// the row has no date of its own: a summary row totals rows of many dates and carries
    /// none, so a dated row (`2023-06-01,Total Respect,course,25`) is one event, a record.
    func summaryLabel(_ record: CSVRecord) -> String? {
        for (f, field) in record.fields.enumerated() where !figureFields.contains(where: { $0.1 == f }) {
            // Every summary label starts with t, g or s (after any spaces): most cells are out at the first byte.
            guard field.utf8.count <= 64, let first = field.utf8.first(where: { $0 != 0x20 }),
                [0x74, 0x54, 0x67, 0x47, 0x73, 0x53].contains(first)
            else { continue }
            if Self.isSummaryLabel(field) { return field.trimmingSpaces }
            if !figureFields.isEmpty, Self.isSummaryLabel(field, leadingWord: true), !isDated(record) {
                return field.trimmingSpaces
            }
        }
        return nil
    }

    /// Whether the row's `date` cell holds a date (in either day/month order, or as an Excel serial).
    private func isDated(_ record: CSVRecord) -> Bool {
        guard let dateField else { return false }
        let raw = Self.field(record, dateField).trimmingSpaces
        guard !raw.isEmpty else { return false }
        return CalendarDate(parsing: raw, monthFirst: false) != nil
            || CalendarDate(parsing: raw, monthFirst: true) != nil
            || CalendarDate(excelSerial: raw) != nil
    }

    /// Where the row's first totalled figure sits.
    func measurePosition(_ record: CSVRecord) -> CSVPosition? {
        figureFields.first.flatMap { $0.1 < record.positions.count ? record.positions[$0.1] : nil }
    }

    mutating func used(_ record: CSVRecord) {
        let figures = figureFields.map { totalled, f -> Int64 in
            figure(Self.field(record, f), totalled) ?? totalled.blankCounts
        }
        let row = (keyFields.map { keyValue($0.0, Self.field(record, $0.1)) }, figures, record.line, false)
        sinceSummary.append(row)
        sinceTotal.append(row)
        block.afterSummary = false
    }

    /// A rejected row: not in any sum, but named in the message of a total that would have taken it.
    mutating func rejected(_ record: CSVRecord) {
        let row = (
            keyFields.map { keyValue($0.0, Self.field(record, $0.1)) }, figureFields.map { _ in Int64(0) }, record.line,
            true
        )
        sinceSummary.append(row)
        sinceTotal.append(row)
        block.afterSummary = false
    }

    /// `Showing top 500 results`: the platform listed only part of the rows.
    mutating func isCutListFooter(_ record: CSVRecord) -> Bool {
        guard let first = record.fields.first, first.utf8.count < 64,
            DatasetSchema.normalize(first).hasPrefix("showingtop")
        else { return false }
        cut = true
        return true
    }

    /// The check of a leading summary row, once every row after it is known.
    mutating func finish() -> [Diagnostic] {
        guard let leading else { return [] }
        self.leading = nil
        return check(leading.record, label: leading.label, final: true)
    }

    /// Checks a summary row against the rows it summarises and starts a new run.
    mutating func check(_ record: CSVRecord, label: String, final: Bool = false) -> [Diagnostic] {
        if schema.totalsLead, !final, sinceTotal.isEmpty, leading == nil {
            leading = (record, label)
            return []
        }
        let isSubTotal = Self.subTotalLabels.contains(Self.key(label))
        var filter: [(Int, String, String)] = []
        for (k, (name, f)) in keyFields.enumerated() {
            let raw = Self.field(record, f).trimmingSpaces.collapsingSpaces
            if !raw.isEmpty, !Self.isSummaryLabel(raw), let value = keyValue(name, raw) {
                filter.append((k, name, value))
            }
        }
        func matches(_ row: Row) -> Bool { filter.allSatisfy { row.keys[$0.0] == $0.2 } }
        var taken = (isSubTotal ? sinceSummary : sinceTotal).filter(matches)
        // The rows it summarises leave the running; rows of other keys (another board's) stay for their own total.
        sinceSummary.removeAll(where: matches)
        if !isSubTotal { sinceTotal.removeAll(where: matches) }
        // Directly under summary rows, with none of its rows left: the grand total of their block.
        let grand = taken.isEmpty && !final ? block.take(matches) : nil
        if let grand { taken = grand.rows }
        block.add(taken, label: label, line: record.line)
        let rows = taken.filter { !$0.rejected }
        let rejectedSince = taken.count - rows.count
        let scope = filter.isEmpty ? "" : " for " + filter.map { "\($0.1) \($0.2)" }.joined(separator: ", ")
        let counted = "the \(rows.count) row\(rows.count == 1 ? "" : "s") \(final ? "below" : "above") it\(scope)"
        let by = grand.map { ", as totalled by the summary rows above it (\($0.summaries))" } ?? ""
        var diagnostics: [Diagnostic] = []
        var checked = 0
        for (i, (totalled, f)) in figureFields.enumerated() {
            let raw = Self.field(record, f).trimmingSpaces
            guard !raw.isEmpty else { continue }
            let p = f < record.positions.count ? record.positions[f] : CSVPosition(line: record.line, column: 1)
            guard let stated = figure(raw, totalled) else {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, line: p.line, column: p.column,
                        "bad \(totalled.column) \(PersonalText.quoted(raw)) in the '\(label)' row; expected \(totalled.isMoney ? "an amount in pounds" : "a whole number") to check against the rows above it"
                    ))
                continue
            }
            checked += 1
            let sum = rows.reduce(Int64(0)) { $0 &+ $1.figures[i] }
            let show = { (n: Int64) in totalled.isMoney ? Money(pence: n).formatted : Count.grouped(n) }
            if sum == stated {
                diagnostics.append(
                    Diagnostic(
                        .note, file: file, line: p.line, column: p.column,
                        "control total \(show(stated)) (\(totalled.column)) in the '\(label)' row agrees with \(counted)\(by)"
                    ))
            } else if cut && stated > sum {
                diagnostics.append(
                    Diagnostic(
                        .note, file: file, line: p.line, column: p.column,
                        "control total \(show(stated)) (\(totalled.column)) in the '\(label)' row exceeds \(counted) (\(show(sum))) because the export lists only its top rows: \(show(stated &- sum)) \(totalled.column) are in videos the export does not list, and are not counted"
                    ))
            } else {
                let lines = rows.isEmpty ? "" : " (lines \(rows.first!.line)–\(rows.last!.line))"
                let skipped =
                    rejectedSince == 0
                    ? "" : "; \(rejectedSince) rejected row\(rejectedSince == 1 ? " is" : "s are") not in the sum"
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, line: p.line, column: p.column,
                        "control total \(show(stated)) (\(totalled.column)) in the '\(label)' row does not agree with \(counted)\(lines)\(by), which add up to \(show(sum)), a difference of \(show(stated &- sum))\(skipped); expected the rows to add up to the total"
                    ))
            }
        }
        if checked == 0, diagnostics.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .note, file: file, line: record.line, column: nil, Self.uncheckedNote(label: label, schema: schema))
            )
        }
        return diagnostics
    }

    /// A key cell as compared: a financial year in its label form, anything else normalised.
    private func keyValue(_ column: String, _ text: String) -> String? {
        let raw = text.trimmingSpaces.collapsingSpaces
        guard !raw.isEmpty else { return nil }
        if column == "year", let year = FinancialYear(loose: raw) { return year.label }
        return raw.lowercased()
    }

    /// A figure as the file's rows write it (`RowReader.money`, `RowReader.count`): with a
    /// decimal comma and dots for thousands in a `;`-separated file.
    func figure(_ text: String, _ totalled: DatasetSchema.Totalled) -> Int64? {
        let raw = text.trimmingSpaces
        guard !raw.isEmpty else { return nil }
        return totalled.isMoney
            ? RowReader.money(raw, decimalComma: decimalComma)?.pence
            : RowReader.count(raw, decimalComma: decimalComma).map(Int64.init)
    }
}

/// The rows the summary rows of a file have taken, for a summary row directly below them that
/// has none of its own left in the running: `Total SCP contributions`, `Total SAB
/// contributions`, then `Grand total` is checked against the rows of both. Rows leave the block
/// only when such a grand total takes them, which then holds them in turn.
struct GrandTotalBlock {
    /// Whether the last row read was a summary row (no record since).
    var afterSummary = false
    private var rows: [(row: ControlTotals.Row, by: Int)] = []
    /// Each summary row that took rows into the block: its label and line.
    private var summaries: [(label: String, line: Int)] = []

    /// The rows a summary row took, held for a grand total below it; the row itself is now the
    /// last read. A row taken again (by a `Total` under its `Sub-total`) is held once, by the later.
    mutating func add(_ taken: [ControlTotals.Row], label: String, line: Int) {
        afterSummary = true
        guard !taken.isEmpty else { return }
        let lines = Set(taken.map(\.line))
        rows.removeAll { lines.contains($0.row.line) }
        summaries.append((label, line))
        rows += taken.map { ($0, summaries.count - 1) }
    }

    /// For a summary row directly below others: the block's rows it matches (they leave the
    /// block), and the summary rows that took them (`'Total SCP contributions' on line 12, …`);
    /// nil when it is not directly below one, or matches none.
    mutating func take(_ matches: (ControlTotals.Row) -> Bool) -> (rows: [ControlTotals.Row], summaries: String)? {
        guard afterSummary else { return nil }
        let taken = rows.filter { matches($0.row) }
        guard !taken.isEmpty else { return nil }
        rows.removeAll { matches($0.row) }
        var by: [Int] = []
        for t in taken where !by.contains(t.by) { by.append(t.by) }
        return (
            taken.map(\.row),
            by.map { "'\(summaries[$0].label)' on line \(summaries[$0].line)" }.joined(separator: ", ")
        )
    }
}
