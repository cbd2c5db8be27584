/// A day in the proleptic Gregorian calendar, without time or zone.
///
/// Parses the forms business offices export (ISO, UK day-first, month names); impossible
/// days such as `31/02/2022` are rejected, not rolled over.
struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Four bytes, not three Ints: a register's hundreds of thousands of sessions each hold a date.
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8
    var year: Int { Int(storedYear) }
    var month: Int { Int(storedMonth) }
    var day: Int { Int(storedDay) }

    /// Returns nil unless the day exists (`CalendarDate(year: 2022, month: 2, day: 29)` is nil).
    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        storedYear = Int16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// The forms offices write, nil for anything else: ISO `2022-09-26` and `2022/09/26`, UK
    /// day-first `26/09/2022` (also `26/9/2022`, `26-09-2022`, `26.09.2022` and `26/09/22`), and month names
    /// `26 September 2022`, `26 Sep 2022`, `26-Sep-22` (a two-digit year is 20YY); with a
    /// weekday before it that must agree (`Mon 26 Sep 2022`) or a time after it, set aside
    /// (`26/09/2022 09:30`, `2022-09-26T09:30:00`; `DateText`). `monthFirst` reads all-number
    /// dates as US exports write them (`04/13/2022`); the order is decided per file and
    /// column (`DateOrder`), never per cell.
    init?(parsing text: some StringProtocol, monthFirst: Bool = false) {
        let s = text.trimmingSpaces
        guard s.utf8.count <= 64 else { return nil }
        // The cheap checks first (a register's dates pass here by the hundred thousand): a
        // plain date starts with a digit and holds no `:`; most are one of the fixed widths.
        if let first = s.utf8.first, first &- 0x30 < 10, !s.utf8.contains(UInt8(ascii: ":")) {
            if let date = CalendarDate(fixedWidth: s, monthFirst: monthFirst) {
                self = date
                return
            }
            guard let date = CalendarDate(plain: s, monthFirst: monthFirst) else { return nil }
            self = date
            return
        }
        guard let dated = DateText(Substring(s)), let date = CalendarDate(plain: dated.date, monthFirst: monthFirst),
            dated.weekday.map({ $0.number == date.weekday }) ?? true
        else { return nil }
        self = date
    }

    /// `2022-09-26` and `26/09/2022` read straight from their ten bytes; nil for any other
    /// text, which the general reading (`plain`) then tries.
    private init?(fixedWidth s: String, monthFirst: Bool) {
        var s = s
        let read: CalendarDate?? = s.withUTF8 { b in
            guard b.count == 10 else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for i in from..<from + count {
                    guard b[i] &- 0x30 < 10 else { return nil }
                    value = value * 10 + Int(b[i] &- 0x30)
                }
                return value
            }
            if b[4] == UInt8(ascii: "-") && b[7] == UInt8(ascii: "-"), let y = number(0, 4), let m = number(5, 2),
                let d = number(8, 2)
            {
                return CalendarDate(year: y, month: m, day: d)
            }
            if b[2] == UInt8(ascii: "/") && b[5] == UInt8(ascii: "/"), let p = number(0, 2), let q = number(3, 2),
                let y = number(6, 4)
            {
                return CalendarDate(year: y, month: monthFirst ? p : q, day: monthFirst ? q : p)
            }
            return nil
        }
        guard let date = read ?? nil else { return nil }
        self = date
    }

    /// A date with no weekday and no time (see `init(parsing:)`).
    private init?(plain s: some StringProtocol, monthFirst: Bool) {
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " || $0 == "." })
        guard parts.count == 3 else { return nil }
        if parts[0].count == 4 {
            // Year first: 2022-09-26, 2022/09/26.
            guard parts[1].count == 2, parts[2].count == 2,
                let y = Int.digitsOnly(parts[0]), let m = Int.digitsOnly(parts[1]), let d = Int.digitsOnly(parts[2])
            else { return nil }
            self.init(year: y, month: m, day: d)
            return
        }
        guard (1...2).contains(parts[0].count), var d = Int.digitsOnly(parts[0]) else { return nil }
        var m: Int
        if let number = Int.digitsOnly(parts[1]), (1...2).contains(parts[1].count) {
            m = number
            if monthFirst { swap(&d, &m) }
        } else if let named = CalendarDate.month(named: String(parts[1])) {
            m = named
        } else {
            return nil
        }
        guard let y = Int.digitsOnly(parts[2]) else { return nil }
        switch parts[2].count {
        case 4: self.init(year: y, month: m, day: d)
        // A two-digit year is 20YY (26-Sep-22, 26/09/22); the day and month keep the file's order.
        // All numbers and dots (`10.30.00`) are more likely a time of day: not a date.
        case 2 where !s.contains(".") || Int.digitsOnly(parts[1]) == nil: self.init(year: 2000 + y, month: m, day: d)
        default: return nil
        }
    }

    /// Excel's serial day number (1900 date system: 1 is 1900-01-01, 60 is Excel's
    /// non-existent 1900-02-29, so later serials count from 1899-12-30). Whole numbers from
    /// 61 (1900-03-01) to 2958465 (9999-12-31).
    init?(excelSerial text: some StringProtocol) {
        let s = text.trimmingSpaces
        guard s.count <= 7, let serial = Int.digitsOnly(s), (61...2_958_465).contains(serial) else { return nil }
        // Days since 1970-01-01: serial 25569 is 1970-01-01.
        self.init(daysSince1970: serial - 25569)
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    init?(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// `Sep`, `Sept`, `September` (any case) -> 9.
    static func month(named name: String) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3 else { return nil }
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
        ]
        if let i = names.firstIndex(of: lower) { return i + 1 }
        if lower == "sept" { return 9 }
        return lower.count == 3 ? names.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 } : nil
    }

    /// How dates may be written, for error messages.
    static let acceptedForms =
        "2022-09-26, 2022/09/26, 26/09/2022, 26/09/22, 26 September 2022, 26 Sep 2022, 26-Sep-22, Mon 26 Sep 2022 or 26/09/2022 09:30"

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// ISO form, `2022-09-26`.
    var description: String {
        "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))"
    }

    /// Whole calendar months from `self` to `later`, counting a month only once its day is reached.
    func wholeMonths(until later: CalendarDate) -> Int {
        var months = (later.year - year) * 12 + (later.month - month)
        if later.day < day { months -= 1 }
        return months
    }

    static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension Int {
    /// Parses ASCII digits only: no sign, no spaces, no separators.
    static func digitsOnly(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.count <= 18 else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks (including NBSP).
    var trimmingSpaces: String {
        // Most cells need no trimming: an ASCII non-space at both ends answers without walking
        // the characters (grapheme breaking is the cost of the general path).
        if let first = first?.asciiValue, let last = last?.asciiValue, first > 0x20, last > 0x20 { return String(self) }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}

extension CalendarDate {
    /// `13 April 2022`, for messages where the order matters.
    var longDescription: String { "\(day) \(CalendarDate.monthNames[month - 1]) \(year)" }
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
}
