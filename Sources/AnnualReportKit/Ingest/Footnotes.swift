/// Lines under a file's last record with text in one cell only (`Note: figures exclude VAT`,
/// `Prepared by Jo Bloggs (jo@example.org)`): footnotes, not records. They are counted in
/// the ledger apart (`FileLedger.footnotes`), named in one note per file, and never rejected,
/// so their text cannot reach `rejects.csv`; a footnote that may name a person (an `@`, or
/// `by`, `contact`, `from`) is shown as `(withheld)`.
enum Footnotes {
    /// Whether a record is footnote-shaped: one non-blank cell, holding a letter.
    static func isFootnote(_ record: CSVRecord) -> Bool {
        let filled = record.fields.filter { !$0.trimmingSpaces.isEmpty }
        return filled.count == 1 && filled[0].contains(where: \.isLetter)
    }

    /// The line from which every non-blank record to the end is footnote-shaped; nil if none.
    /// `records` are a file's non-blank data records in order.
    static func start(_ records: [CSVRecord]) -> Int? {
        var from: Int?
        for record in records.reversed() {
            guard isFootnote(record) else { break }
            from = record.line
        }
        return from
    }

    /// A footnote's text as a note may show it.
    static func shown(_ record: CSVRecord) -> String {
        let text = record.fields.first { !$0.trimmingSpaces.isEmpty }?.trimmingSpaces ?? ""
        let lower = " " + text.lowercased() + " "
        let personal = text.contains("@") || [" by ", " contact", " from ", " signed", " author"].contains { lower.contains($0) }
        guard !personal else { return "(withheld)" }
        return text.count > 60 ? "'" + text.prefix(57) + "…'" : "'\(text)'"
    }

    static func note(_ footnotes: [CSVRecord], file: String) -> Diagnostic? {
        guard let first = footnotes.first else { return nil }
        let listed = footnotes.prefix(5).map { "\(shown($0)) (line \($0.line))" }.joined(separator: ", ")
            + (footnotes.count > 5 ? " and \(footnotes.count - 5) more" : "")
        return Diagnostic(.note, file: file, line: first.line, column: nil,
            "\(footnotes.count == 1 ? "a footnote line" : "\(footnotes.count) footnote lines") under the records, not read as records: \(listed)")
    }
}
