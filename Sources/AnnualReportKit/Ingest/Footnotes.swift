/// Lines under a file's last record that are footnotes, not records: a line with text in one
/// cell only (`Note: figures exclude VAT`), or one whose first filled cell starts with a
/// footnote word (`Prepared by:,Jo Bloggs,jo@example.org`). They are counted in the ledger
/// apart (`FileLedger.footnotes`), named by line in one note per file, and never rejected.
/// Their text is never written out: any of them may name a person, and names cannot be told
/// from other text for sure.
enum Footnotes {
    /// The words a footnote starts with (compared lower-cased): followed by the end of the
    /// cell, or a `:`, `-`, `–`, `.` or `(`; a `… by` phrase may run straight into a name.
    static let words = [
        "note", "notes", "nb", "n.b.", "prepared by", "prepared", "checked by", "checked",
        "compiled by", "compiled", "source", "sources", "signed off by", "signed off", "signed by", "signed",
        "approved by", "approved", "authorised by", "authorised", "authorized by", "authorized", "author",
        "contact", "updated", "last updated", "key",
    ]

    /// Whether a record is footnote-shaped: one non-blank cell holding a letter, or a first
    /// filled cell that starts with a footnote word (or `*`).
    static func isFootnote(_ record: CSVRecord) -> Bool {
        var filled = 0
        var first: String?
        for field in record.fields where !field.trimmingSpaces.isEmpty {
            filled += 1
            if first == nil { first = field }
        }
        guard let first, first.contains(where: \.isLetter) else { return false }
        return filled == 1 || startsWithFootnoteWord(first)
    }

    /// `Prepared by Jo`, `Note:`, `Checked`, `* provisional`; not `Source Trust` or `Key Stage 2`.
    static func startsWithFootnoteWord(_ cell: String) -> Bool {
        let text = cell.trimmingSpaces.lowercased()
        if text.hasPrefix("*") { return true }
        for word in words where text.hasPrefix(word) {
            let rest = text.dropFirst(word.count)
            if word.hasSuffix(" by") && rest.first == " " { return true }
            guard let next = rest.first(where: { $0 != " " }) else { return true }
            if ":-–.(".contains(next) { return true }
        }
        return false
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

    /// The note naming a file's footnotes by line; their text is withheld.
    static func note(_ footnotes: [CSVRecord], file: String) -> Diagnostic? {
        guard let first = footnotes.first else { return nil }
        let lines =
            footnotes.prefix(5).map { String($0.line) }.joined(separator: ", ")
            + (footnotes.count > 5 ? " and \(footnotes.count - 5) more" : "")
        return Diagnostic(
            .note, file: file, line: first.line, column: nil,
            footnotes.count == 1
                ? "a footnote line under the records, not read as a record: footnote withheld (line \(lines)), as it may name a person"
                : "\(footnotes.count) footnote lines under the records, not read as records: footnotes withheld (lines \(lines)), as they may name a person"
        )
    }
}
