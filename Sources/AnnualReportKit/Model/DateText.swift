/// A date as offices and booking systems dress it: a weekday before it (`Wed 12 April 2023`,
/// `Wednesday, 12 April 2023`) or a time after it (`02/05/2023 09:30`, `2023-05-02 09:30:00`,
/// `2023-05-02T09:30`, `6/1/2023 9:15 AM`). The date's own text, and the weekday it names.
/// The time is checked (a real time of day) and set aside: a record's date is its day.
struct DateText {
    /// The date without the weekday and the time.
    var date: Substring
    /// The weekday written before the date (ISO: 1 is Monday), and how it was written.
    var weekday: (number: Int, written: Substring)?

    /// Nil when a leading word is not a weekday or what follows the date is not a time.
    init?(_ text: Substring) {
        var rest = text
        weekday = nil
        if let first = rest.utf8.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A {
            let word = rest.prefix { $0.isLetter }
            guard let number = Self.weekday(named: word) else { return nil }
            weekday = (number, word)
            rest = rest.dropFirst(word.count)
            if rest.first == "," || rest.first == "." { rest = rest.dropFirst() }
            let spaces = rest.prefix { $0 == " " }.count
            guard spaces > 0 || text[word.endIndex...].first == "," else { return nil }
            rest = rest.dropFirst(spaces)
        }
        if let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")) {
            // The time starts after the last space (or ISO's `T`) before its first colon.
            guard let separator = rest[..<colon].lastIndex(where: { $0 == " " || $0 == "T" }),
                Self.isTime(rest[rest.index(after: separator)...])
            else { return nil }
            rest = rest[..<separator]
            while let last = rest.last, last == " " || last == "," { rest = rest.dropLast() }
        }
        guard !rest.isEmpty else { return nil }
        date = rest
    }

    /// `Mon`, `Monday`, `Tues`, `Thurs` … (any case) -> 1 … 7.
    static func weekday(named name: Substring) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3 else { return nil }
        if let i = names.firstIndex(of: lower) { return i + 1 }
        if lower == "tues" { return 2 }
        if lower == "thur" || lower == "thurs" { return 4 }
        return lower.count == 3 ? names.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 } : nil
    }

    static let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// `9:15`, `09:30:00`, `09:30:00.000`, with `AM`/`PM`, `Z` or an offset (`+01:00`) after it.
    static func isTime(_ text: Substring) -> Bool {
        var rest = text
        func number(max: Int, widths: ClosedRange<Int>) -> Bool {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard widths.contains(digits.count), let value = Int.digitsOnly(digits), value <= max else { return false }
            rest = rest.dropFirst(digits.count)
            return true
        }
        guard number(max: 23, widths: 1...2), rest.first == ":" else { return false }
        let hour = Int.digitsOnly(text.prefix { $0 != ":" }) ?? 0
        rest = rest.dropFirst()
        guard number(max: 59, widths: 2...2) else { return false }
        if rest.first == ":" {
            rest = rest.dropFirst()
            guard number(max: 59, widths: 2...2) else { return false }
            if rest.first == "." {
                rest = rest.dropFirst()
                guard number(max: 999_999_999, widths: 1...9) else { return false }
            }
        }
        let suffix = rest.drop { $0 == " " }.uppercased()
        if suffix == "AM" || suffix == "PM" { return (1...12).contains(hour) }
        if suffix.isEmpty || suffix == "Z" { return true }
        // An offset from UTC: +01:00, -0500, +01.
        guard let sign = suffix.first, sign == "+" || sign == "-" else { return false }
        let offset = suffix.dropFirst().filter { $0 != ":" }
        return (offset.count == 2 || offset.count == 4)
            && Int.digitsOnly(offset).map { $0 / (offset.count == 4 ? 100 : 1) <= 14 } == true
    }
}

extension CalendarDate {
    /// The parts of an all-number date (`13/04/2022`, `4-13-22`, also with a time after it) in
    /// the order written, a two-digit year as 20YY (not with dots: `10.30.00` is a time); nil
    /// for any other form (ISO, month names, a weekday, which decide the order themselves).
    static func allNumberParts(_ text: String) -> (first: Int, second: Int, year: Int)? {
        var s = Substring(text.trimmingSpaces)
        if s.utf8.contains(UInt8(ascii: ":")) {
            guard let dated = DateText(s), dated.weekday == nil else { return nil }
            s = dated.date
        }
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4 || (parts[2].count == 2 && !s.contains(".")),
            let a = Int.digitsOnly(parts[0]), let b = Int.digitsOnly(parts[1]), let y = Int.digitsOnly(parts[2])
        else { return nil }
        return (a, b, parts[2].count == 2 ? 2000 + y : y)
    }

    /// For a date whose weekday disagrees with it (`Wed 13 April 2023`): the date and the
    /// weekday written, for the message naming both; nil when there is no such disagreement.
    static func weekdayDisagreement(_ text: some StringProtocol, monthFirst: Bool = false) -> (
        date: CalendarDate, written: String
    )? {
        guard let dated = DateText(Substring(text.trimmingSpaces)), let weekday = dated.weekday,
            let date = CalendarDate(parsing: dated.date, monthFirst: monthFirst), date.weekday != weekday.number
        else { return nil }
        return (date, String(weekday.written))
    }

    /// `Wednesday`, for messages.
    var weekdayName: String {
        DateText.names[weekday - 1].prefix(1).uppercased() + DateText.names[weekday - 1].dropFirst()
    }
}
