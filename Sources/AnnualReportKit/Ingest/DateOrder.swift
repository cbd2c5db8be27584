/// Day and month order, decided per file and column, never per cell.
///
/// `04/01/2022` is 4 January in the UK and 1 April in the US; reading each cell by whichever
/// order fits would scatter one file's events across months and years. So a column is
/// day-first (the UK default) unless some value can only be month-first (`12/16/2022`) and
/// every value reads month-first: then the whole column is, with a note. A column with
/// values that fit only one order beside values that fit only the other is an error naming
/// one of each. Only all-number dates (`d/m/yyyy`, with `/`, `-` or `.`) are ambiguous; ISO
/// dates and month names decide nothing.
enum DateOrder {
    /// A value's evidence: which orders it can be read in.
    static func fits(_ text: String) -> (dayFirst: Bool, monthFirst: Bool)? {
        let parts = text.trimmingSpaces.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let a = Int.digitsOnly(parts[0]), let b = Int.digitsOnly(parts[1]), let y = Int.digitsOnly(parts[2]) else { return nil }
        return (CalendarDate(year: y, month: b, day: a) != nil, CalendarDate(year: y, month: a, day: b) != nil)
    }

    /// The fields (by index) to read month-first, and the notes or errors saying why.
    /// `records` are the file's data records; `names` its header names by field. `dated` is
    /// the field of the record's own date when the file's name carries `fileYear`: a column
    /// with no telling value is month-first when day-first puts some of its dates outside
    /// that year and month-first puts them all inside it.
    static func decide(_ records: [CSVRecord], names: [String], file: String,
                       fileYear: FinancialYear? = nil, dated: Int? = nil) -> (monthFirst: Set<Int>, diagnostics: [Diagnostic]) {
        var onlyDay: [Int: CSVRecord] = [:], onlyMonth: [Int: CSVRecord] = [:]
        for record in records {
            for (f, value) in record.fields.enumerated() where !value.isEmpty {
                guard let (day, month) = fits(value) else { continue }
                if day && !month, onlyDay[f] == nil { onlyDay[f] = record }
                if month && !day, onlyMonth[f] == nil { onlyMonth[f] = record }
            }
        }
        func header(_ f: Int) -> String { f < names.count ? names[f] : "column \(f + 1)" }
        var monthFirst: Set<Int> = [], diagnostics: [Diagnostic] = []
        for f in onlyMonth.keys.sorted() {
            let m = onlyMonth[f]!, mPos = m.positions[f]
            if let d = onlyDay[f] {
                diagnostics.append(Diagnostic(.error, file: file, line: mPos.line, column: mPos.column,
                    "the dates in '\(header(f))' are written in both orders: '\(m.fields[f])' (here) can only be month-first, '\(d.fields[f])' (line \(d.positions[f].line)) only day-first; expected one order in a column (write them as 2022-04-13 to be sure)").ofWholeFile)
            } else {
                monthFirst.insert(f)
                let date = CalendarDate(parsing: m.fields[f], monthFirst: true)!
                diagnostics.append(Diagnostic(.note, file: file, line: mPos.line, column: mPos.column,
                    "the dates in '\(header(f))' are read month-first (US order): '\(m.fields[f])' can only be \(date.longDescription), and every date in the column reads month-first"))
            }
        }
        if let fileYear, let f = dated, onlyMonth[f] == nil, onlyDay[f] == nil {
            var outside: CSVRecord?, allInside = true
            for record in records where f < record.fields.count && !record.fields[f].isEmpty {
                let value = record.fields[f]
                guard let dayFirst = CalendarDate(parsing: value) else { continue }
                if FinancialYear(containing: dayFirst) != fileYear {
                    if outside == nil { outside = record }
                    if fits(value) == nil { allInside = false; break }   // not an all-number date: order is not the cause
                }
                if let swapped = fits(value).flatMap({ _ in CalendarDate(parsing: value, monthFirst: true) }),
                   FinancialYear(containing: swapped) != fileYear { allInside = false; break }
            }
            if let outside, allInside {
                monthFirst.insert(f)
                let value = outside.fields[f], p = outside.positions[f]
                diagnostics.append(Diagnostic(.note, file: file, line: p.line, column: p.column,
                    "the dates in '\(header(f))' are read month-first (US order): the file's name says \(fileYear), and read day-first '\(value)' would be \(CalendarDate(parsing: value)!.longDescription), outside it, while month-first every date falls in \(fileYear)"))
            }
        }
        return (monthFirst, diagnostics)
    }
}

extension CalendarDate {
    /// `13 April 2022`, for messages where the order matters.
    var longDescription: String { "\(day) \(CalendarDate.monthNames[month - 1]) \(year)" }
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
}
