/// An attendance register named for a year (`attendance-2022-23.csv`) holds that year's
/// sessions, as a training log named for a year does (`RowReader.date`). The register's
/// readers parse dates day-first from bytes and keep no raw text, so the check runs on the
/// sessions afterwards: a session dated in another year is an error at its first row, and
/// where the day and month swapped would put it in the file's year, the message says that
/// month-first (US) dates are the likely cause. Without it, a register exported with US
/// dates would move sessions between years with exit status 0.
enum AttendanceFileYear {
    static func errors(_ sessions: [TrainingEvent]) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        for e in sessions {
            let base = e.source.file.split(separator: "/").last.map(String.init) ?? e.source.file
            guard let fileYear = YouTubeExport.financialYear(in: base), FinancialYear(containing: e.date) != fileYear
            else { continue }
            let swapped = e.date.day <= 12 ? CalendarDate(year: e.date.year, month: e.date.day, day: e.date.month) : nil
            let cause =
                swapped.map { o in
                    " (the usual cause is the day/month order: if the register writes dates month-first, this one is \(o.longDescription)\(FinancialYear(containing: o) == fileYear ? ", in \(fileYear)" : ""); write dates as 2022-04-01 to be sure)"
                }
                ?? " (a session of another year belongs in a register named for that year, or in one with no year in its name)"
            errors.append(
                Diagnostic(
                    .error, file: e.source.file, line: e.source.line, column: nil,
                    "session '\(RowReader.shown(e.title))' on \(e.date.longDescription) is in \(FinancialYear(containing: e.date)), but the file's name says \(fileYear); expected only \(fileYear) sessions in it"
                        + cause))
        }
        return errors
    }
}
