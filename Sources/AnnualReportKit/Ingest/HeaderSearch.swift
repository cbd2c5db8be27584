/// Which of a file's first rows is its header: offices put a title, a date or a banner above
/// it (`LRSCP Multi-agency Training Log 2022-23`).
///
/// The header is the first of the first `limit` non-blank rows that names every required
/// column; when none does, the one naming the most columns (the first of those), so that a
/// "missing required column" error points at the row the office meant as its header. The
/// rows above it are not records: they are not counted, and a note names the header's line.
enum HeaderSearch {
    static let limit = 10

    /// The index in `candidates` (non-blank rows, in file order) of the header.
    static func choose(_ candidates: [CSVRecord], schema: DatasetSchema) -> Int {
        var best = (index: 0, named: 0)
        for (i, record) in candidates.enumerated() where record.problem == nil {
            if settles(record, schema: schema) { return i }
            let named = HeaderMap(header: record.fields, schema: schema).fieldIndex.compactMap { $0 }.count
            if i == 0 || (named > best.named && named >= 2) { best = (i, named) }
        }
        return best.index
    }

    /// Whether `record` alone settles the search: it names every required column, and at
    /// least two of the dataset's columns (a dataset with few required columns, such as the
    /// evaluation forms, is not settled by a title that happens to have none missing).
    static func settles(_ record: CSVRecord, schema: DatasetSchema) -> Bool {
        guard record.problem == nil else { return false }
        let map = HeaderMap(header: record.fields, schema: schema)
        return map.hasRequired(schema) && map.fieldIndex.compactMap { $0 }.count >= min(2, schema.columns.count)
    }

    /// The note for a header below title rows: the header's line and where the titles start.
    /// A title is never quoted: it may name a person (`Training log 2023-24 - owner <name>
    /// <email>`), and its line is enough to find it.
    static func note(header: CSVRecord, above: [CSVRecord], file: String) -> Diagnostic? {
        guard let first = above.first else { return nil }
        let rows =
            above.count == 1
            ? "the row above it (line \(first.line)) is a title, not a record, and is not read"
            : "the \(above.count) rows above it (from line \(first.line)) are titles, not records, and are not read"
        return Diagnostic(
            .note, file: file, line: header.line, column: nil, "the header is on line \(header.line); \(rows)")
    }
}
