/// Day and month order, decided per file and column, never per cell.
///
/// `04/01/2022` is 4 January in the UK and 1 April in the US; reading each cell by whichever
/// order fits would scatter one file's events across months and years. So a column is
/// day-first (the UK default) unless some value can only be month-first (`12/16/2022`) and
/// every value reads month-first: then the whole column is, with a note. A file is written
/// in one order: once one of its columns is shown month-first, the other date columns it
/// reads whose values all fit either order are read month-first too, with a note. A column
/// with values that fit only one order beside values that fit only the other, or a file with
/// one read column shown month-first and another shown day-first, is an error naming one of
/// each. Only all-number dates (`d/m/yyyy`, with `/`, `-` or `.`) are ambiguous; ISO dates
/// and month names decide nothing; a two-digit year (`13/04/22`) or a time after the date
/// changes nothing.
enum DateOrder {
    /// A value's evidence: which orders it can be read in.
    static func fits(_ text: String) -> (dayFirst: Bool, monthFirst: Bool)? {
        guard let (a, b, y) = CalendarDate.allNumberParts(text) else { return nil }
        return (CalendarDate(year: y, month: b, day: a) != nil, CalendarDate(year: y, month: a, day: b) != nil)
    }

    /// What a file's values say about each column's order: the first record with a value
    /// that fits only day-first, only month-first, and which columns hold any all-number date.
    private struct Evidence {
        var onlyDay: [Int: CSVRecord] = [:], onlyMonth: [Int: CSVRecord] = [:], first: [Int: CSVRecord] = [:]

        init(_ records: [CSVRecord]) {
            for record in records {
                for (f, value) in record.fields.enumerated() where !value.isEmpty {
                    guard let (day, month) = fits(value) else { continue }
                    if first[f] == nil { first[f] = record }
                    if day && !month, onlyDay[f] == nil { onlyDay[f] = record }
                    if month && !day, onlyMonth[f] == nil { onlyMonth[f] = record }
                }
            }
        }

        /// Columns shown month-first (or day-first): a telling value, none telling the other way.
        var provenMonthFirst: [Int] { onlyMonth.keys.filter { onlyDay[$0] == nil }.sorted() }
        var provenDayFirst: [Int] { onlyDay.keys.filter { onlyMonth[$0] == nil }.sorted() }
        /// Columns of all-number dates that each fit both orders.
        var undecided: [Int] { first.keys.filter { onlyDay[$0] == nil && onlyMonth[$0] == nil }.sorted() }
    }

    /// The fields (by index) to read month-first, and the notes or errors saying why.
    /// `records` are the file's data records; `names` its header names by field. `dated` is
    /// the field of the record's own date when the file's name carries `fileYear`: a column
    /// with no telling value is month-first when day-first puts some of its dates outside
    /// that year and month-first puts them all inside it. `read` are the fields the dataset
    /// reads (nil: all): any column may show the file month-first (an export's order date),
    /// but only read columns follow it, and only two read columns' orders can conflict.
    static func decide(
        _ records: [CSVRecord], names: [String], file: String, fileYear: FinancialYear? = nil,
        dated: Int? = nil, read: Set<Int>? = nil
    ) -> (monthFirst: Set<Int>, diagnostics: [Diagnostic]) {
        let evidence = Evidence(records)
        func header(_ f: Int) -> String { f < names.count ? names[f] : "column \(f + 1)" }
        var monthFirst: Set<Int> = []
        var diagnostics: [Diagnostic] = []
        for f in evidence.onlyMonth.keys.sorted() {
            let m = evidence.onlyMonth[f]!
            let mPos = m.positions[f]
            if let d = evidence.onlyDay[f] {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, line: mPos.line, column: mPos.column,
                        "the dates in '\(header(f))' are written in both orders: '\(m.fields[f])' (here) can only be month-first, '\(d.fields[f])' (line \(d.positions[f].line)) only day-first; expected one order in a column (write them as 2022-04-13 to be sure)"
                    ).ofWholeFile)
            } else {
                monthFirst.insert(f)
                let date = CalendarDate(parsing: m.fields[f], monthFirst: true)!
                diagnostics.append(
                    Diagnostic(
                        .note, file: file, line: mPos.line, column: mPos.column,
                        "the dates in '\(header(f))' are read month-first (US order): '\(m.fields[f])' can only be \(date.longDescription), and every date in the column reads month-first"
                    ))
            }
        }
        func isRead(_ f: Int) -> Bool { read?.contains(f) ?? true }
        if let m = evidence.provenMonthFirst.first(where: isRead) ?? evidence.provenMonthFirst.first {
            if let d = evidence.provenDayFirst.first(where: isRead), isRead(m) {
                diagnostics.append(mixedOrders(evidence, monthFirst: m, dayFirst: d, header: header, file: file))
            } else if evidence.provenDayFirst.isEmpty {
                for f in evidence.undecided where isRead(f) {
                    monthFirst.insert(f)
                    diagnostics.append(following(evidence, column: f, shown: m, header: header, file: file))
                }
            }
            return (monthFirst, diagnostics)
        }
        if let fileYear, let f = dated, evidence.onlyMonth[f] == nil, evidence.onlyDay[f] == nil,
            let note = byFileYear(records, field: f, fileYear: fileYear, header: header(f), file: file)
        {
            monthFirst.insert(f)
            diagnostics.append(note)
        }
        return (monthFirst, diagnostics)
    }

    /// One column shown month-first and another day-first: the file mixes orders.
    private static func mixedOrders(
        _ evidence: Evidence, monthFirst m: Int, dayFirst d: Int,
        header: (Int) -> String, file: String
    ) -> Diagnostic {
        let mRecord = evidence.onlyMonth[m]!
        let dRecord = evidence.onlyDay[d]!
        let p = mRecord.positions[m]
        return Diagnostic(
            .error, file: file, line: p.line, column: p.column,
            "the dates in this file are written in both orders: '\(mRecord.fields[m])' in '\(header(m))' (here) can only be month-first, '\(dRecord.fields[d])' in '\(header(d))' (line \(dRecord.positions[d].line)) only day-first; expected one order in a file (write them as 2022-04-13 to be sure)"
        ).ofWholeFile
    }

    /// The note for a column of dates that fit either order, read month-first as the file is.
    private static func following(
        _ evidence: Evidence, column f: Int, shown m: Int,
        header: (Int) -> String, file: String
    ) -> Diagnostic {
        let record = evidence.first[f]!
        let p = record.positions[f]
        let shown = evidence.onlyMonth[m]!
        let date = CalendarDate(parsing: shown.fields[m], monthFirst: true)!
        return Diagnostic(
            .note, file: file, line: p.line, column: p.column,
            "the dates in '\(header(f))' are read month-first (US order), as the file is written: every date in the column fits either order, and '\(shown.fields[m])' in '\(header(m))' (line \(shown.positions[m].line)) can only be \(date.longDescription)"
        )
    }

    /// The note making the record's own date column month-first when day-first puts some of
    /// its dates outside the year the file's name carries and month-first puts them all inside.
    private static func byFileYear(
        _ records: [CSVRecord], field f: Int, fileYear: FinancialYear,
        header: String, file: String
    ) -> Diagnostic? {
        var outside: CSVRecord?
        for record in records where f < record.fields.count && !record.fields[f].isEmpty {
            let value = record.fields[f]
            guard let dayFirst = CalendarDate(parsing: value) else { continue }
            if FinancialYear(containing: dayFirst) != fileYear {
                if outside == nil { outside = record }
                if fits(value) == nil { return nil }  // not an all-number date: order is not the cause
            }
            if let swapped = fits(value).flatMap({ _ in CalendarDate(parsing: value, monthFirst: true) }),
                FinancialYear(containing: swapped) != fileYear
            {
                return nil
            }
        }
        guard let outside else { return nil }
        let value = outside.fields[f]
        let p = outside.positions[f]
        return Diagnostic(
            .note, file: file, line: p.line, column: p.column,
            "the dates in '\(header)' are read month-first (US order): the file's name says \(fileYear), and read day-first '\(value)' would be \(CalendarDate(parsing: value)!.longDescription), outside it, while month-first every date falls in \(fileYear)"
        )
    }
}
