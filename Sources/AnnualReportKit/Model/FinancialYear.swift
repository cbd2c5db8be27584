/// A UK financial year, 1 April to 31 March, shown as `2022-23`.
public struct FinancialYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the financial year starts (2022 for 2022-23).
    let startYear: Int

    init(startYear: Int) { self.startYear = startYear }

    /// Accepts `2022-23`, `2022/23`, `2022-2023` and `2022/2023`; the second year must follow
    /// the first. Only for years found inside a file's name (`training-2022-23.csv`), where a
    /// shorter form such as `22-23` could be anything; a cell, `--year` and the configuration
    /// read years with `init(loose:)`.
    init?(label text: some StringProtocol) {
        let s = text.trimmingSpaces
        guard s.count == 7 || s.count == 9 else { return nil }
        let separatorIndex = s.index(s.startIndex, offsetBy: 4)
        guard s[separatorIndex] == "-" || s[separatorIndex] == "/",
            let start = Int.digitsOnly(s[..<separatorIndex]),
            let end = Int.digitsOnly(s[s.index(after: separatorIndex)...]), start >= 1000
        else { return nil }
        let expected = s.count == 7 ? (start + 1) % 100 : start + 1
        guard end == expected else { return nil }
        self.startYear = start
    }

    /// The forms people type, on a command line, in the configuration or in a year column:
    /// any `label` form, and also `22-23`, `22/23`, `FY2022-23`, `FY22-23`, `FY 2022/23`,
    /// `FY23/24` (any case). One reading for all three, so a year `--year` takes is never a
    /// bad year in a file.
    public init?(loose text: some StringProtocol) {
        var s = text.trimmingSpaces.uppercased()
        if s.hasPrefix("FY") { s = String(s.dropFirst(2)).trimmingSpaces }
        if let year = FinancialYear(label: s) {
            self = year
            return
        }
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let start = Int.digitsOnly(parts[0]), let end = Int.digitsOnly(parts[1]), end == (start + 1) % 100
        else { return nil }
        self.startYear = 2000 + start
    }

    /// The forms `init(loose:)` reads, for messages.
    static let acceptedForms = "2022-23, 2022/23, 2022-2023, 22-23 or FY2022-23"

    /// The financial year that contains `date` (26/09/2022 and 15/03/2023 are both in 2022-23).
    init(containing date: CalendarDate) {
        startYear = date.month >= 4 ? date.year : date.year - 1
    }

    var label: String { "\(startYear)-\((startYear + 1) % 100 < 10 ? "0" : "")\((startYear + 1) % 100)" }
    /// The label, `2022-23`.
    public var description: String { label }
    var previous: FinancialYear { FinancialYear(startYear: startYear - 1) }
    var next: FinancialYear { FinancialYear(startYear: startYear + 1) }
    var firstDay: CalendarDate { CalendarDate(year: startYear, month: 4, day: 1)! }
    var lastDay: CalendarDate { CalendarDate(year: startYear + 1, month: 3, day: 31)! }

    /// Every year from `first` to `last` inclusive, for trend tables.
    static func span(_ first: FinancialYear, _ last: FinancialYear) -> [FinancialYear] {
        guard first <= last else { return [] }
        return (first.startYear...last.startYear).map(FinancialYear.init(startYear:))
    }

    /// Earlier years first.
    public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.startYear < b.startYear }
}
