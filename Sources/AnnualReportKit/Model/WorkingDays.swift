/// Working days in England and Wales: every day but Saturdays, Sundays and bank holidays.
///
/// Bank holidays are computed from their rules (Easter from the anonymous Gregorian computus,
/// the May, spring and summer Mondays, New Year, Christmas and Boxing Day with substitute
/// days), with the one-off moves and extra days proclaimed since 2020 written in a table,
/// plus any days the configuration's `bank_holidays:` adds.
struct WorkingDayCalendar: Sendable {
    /// Days that are not working days besides the built-in bank holidays (`bank_holidays:`).
    let extraHolidays: Set<CalendarDate>

    init(extraHolidays: Set<CalendarDate> = []) {
        self.extraHolidays = extraHolidays
    }

    /// The working days after `start` up to and including `end`: a notification made the next
    /// working day counts 1, and the same day 0. The start day itself never counts, whether
    /// or not it is a working day. When `end` is before `start` the count is negative
    /// (minus the working days after `end` up to and including `start`), so callers can
    /// tell dates out of order from a count of 0.
    func workingDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        var count = 0
        var day = start.daysSince1970 + 1
        let last = end.daysSince1970
        while day <= last {
            if isWorkingDay(CalendarDate(daysSince1970: day)!) { count += 1 }
            day += 1
        }
        return count
    }

    /// False for Saturdays, Sundays, bank holidays and the configured extra days.
    func isWorkingDay(_ date: CalendarDate) -> Bool {
        if date.weekday >= 6 || extraHolidays.contains(date) { return false }
        return !WorkingDayCalendar.bankHolidays(in: date.year).contains(date)
    }

    /// England and Wales bank holidays of a calendar year, in date order.
    static func bankHolidays(in year: Int) -> [CalendarDate] {
        func date(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }
        var days: [CalendarDate] = []
        // New Year's Day, or the Monday after it when it falls at a weekend.
        let newYear = date(1, 1)
        days.append(newYear.weekday == 6 ? date(1, 3) : newYear.weekday == 7 ? date(1, 2) : newYear)
        let easter = easterSunday(year)
        days.append(easter.adding(days: -2))
        days.append(easter.adding(days: 1))
        // Early May: the first Monday, moved in 2020 to Friday 8 May for the VE Day anniversary.
        days.append(year == 2020 ? date(5, 8) : firstMonday(onOrAfter: date(5, 1)))
        // Spring: the last Monday of May, moved in 2022 to Thursday 2 June for the Platinum Jubilee.
        days.append(year == 2022 ? date(6, 2) : firstMonday(onOrAfter: date(5, 25)))
        days.append(firstMonday(onOrAfter: date(8, 25)))
        // Christmas and Boxing Day: one falling at a weekend moves to the next weekday not
        // already taken (25 Dec on a Saturday gives Mon 27 and Tue 28; on a Sunday, Boxing
        // Day is Mon 26 and Christmas's substitute Tue 27; 26 Dec on a Saturday gives Mon 28).
        switch date(12, 25).weekday {
        case 6: days += [date(12, 27), date(12, 28)]
        case 7: days += [date(12, 26), date(12, 27)]
        case 5: days += [date(12, 25), date(12, 28)]
        default: days += [date(12, 25), date(12, 26)]
        }
        days += oneOffDays.filter { $0.year == year }
        return days.sorted()
    }

    /// Days proclaimed once, beside the moved ones above: the Platinum Jubilee, the Queen's
    /// state funeral and the King's coronation.
    static let oneOffDays: [CalendarDate] = [
        CalendarDate(year: 2022, month: 6, day: 3)!,
        CalendarDate(year: 2022, month: 9, day: 19)!,
        CalendarDate(year: 2023, month: 5, day: 8)!,
    ]

    /// Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }

    private static func firstMonday(onOrAfter date: CalendarDate) -> CalendarDate {
        date.adding(days: (8 - date.weekday) % 7)
    }
}

extension CalendarDate {
    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil), the inverse of `init(daysSince1970:)`.
    var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 is Monday, 7 is Sunday (1970-01-01 was a Thursday).
    var weekday: Int {
        let days = daysSince1970
        return ((days + 3) % 7 + 7) % 7 + 1
    }

    /// The date `days` later (earlier when negative); traps outside years 1 to 9999.
    func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSince1970: daysSince1970 + days)!
    }
}
