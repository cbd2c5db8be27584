/// A day in the proleptic Gregorian calendar, without time or zone.
///
/// Parses the two forms business offices export: ISO `2022-09-26` and UK day-first
/// `26/09/2022`. Impossible days such as `31/02/2022` are rejected, not rolled over.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil unless the day exists (`CalendarDate(year: 2022, month: 2, day: 29)` is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2022-09-26` or `26/09/2022` (also `26/9/2022`); nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let s = text.trimmingSpaces
        if s.contains("/") {
            let parts = s.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count),
                  (1...2).contains(parts[1].count),
                  let d = Int.digitsOnly(parts[0]), let m = Int.digitsOnly(parts[1]),
                  let y = Int.digitsOnly(parts[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            let parts = s.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = Int.digitsOnly(parts[0]), let m = Int.digitsOnly(parts[1]),
                  let d = Int.digitsOnly(parts[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// ISO form, `2022-09-26`.
    public var description: String {
        "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))"
    }

    /// Whole calendar months from `self` to `later`, counting a month only once its day is reached.
    public func wholeMonths(until later: CalendarDate) -> Int {
        var months = (later.year - year) * 12 + (later.month - month)
        if later.day < day { months -= 1 }
        return months
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
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
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
