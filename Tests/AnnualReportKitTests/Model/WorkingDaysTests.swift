import Foundation
import Testing

@testable import AnnualReportKit

@Suite struct WorkingDaysTests {
    private func d(_ iso: String) -> CalendarDate { CalendarDate(parsing: iso)! }

    /// The gov.uk lists of England and Wales bank holidays, typed in by hand.
    static let published: [Int: [String]] = [
        2018: [
            "2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25",
            "2018-12-26",
        ],
        2019: [
            "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25",
            "2019-12-26",
        ],
        2020: [
            "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25",
            "2020-12-28",
        ],
        2021: [
            "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27",
            "2021-12-28",
        ],
        2022: [
            "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
            "2022-09-19",
            "2022-12-26", "2022-12-27",
        ],
        2023: [
            "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
            "2023-12-25",
            "2023-12-26",
        ],
        2024: [
            "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25",
            "2024-12-26",
        ],
        2025: [
            "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25",
            "2025-12-26",
        ],
        2026: [
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
            "2026-12-28",
        ],
    ]

    @Test(arguments: 2018...2026) func bankHolidaysMatchThePublishedList(year: Int) {
        let computed = WorkingDayCalendar.bankHolidays(in: year).map(\.description)
        #expect(computed == WorkingDaysTests.published[year])
    }

    @Test func everyPublishedHolidayIsNotAWorkingDay() {
        let calendar = WorkingDayCalendar()
        for day in WorkingDaysTests.published.values.joined() {
            #expect(!calendar.isWorkingDay(d(day)), "\(day)")
        }
        #expect(calendar.isWorkingDay(d("2022-06-01")))
        #expect(calendar.isWorkingDay(d("2022-05-30")))  // the usual spring Monday, moved in 2022
        #expect(calendar.isWorkingDay(d("2020-05-04")))  // the usual early May Monday, moved in 2020
    }

    @Test func weekdaysAndEaster() {
        #expect(d("1970-01-01").weekday == 4)
        #expect(d("2022-09-26").weekday == 1)
        #expect(d("2023-12-31").weekday == 7)
        #expect(d("2022-09-26").daysSince1970 == 19261)
        #expect(CalendarDate(daysSince1970: d("2024-02-29").daysSince1970) == d("2024-02-29"))
        #expect(WorkingDayCalendar.easterSunday(2019).description == "2019-04-21")
        #expect(WorkingDayCalendar.easterSunday(2038).description == "2038-04-25")
        #expect(WorkingDayCalendar.easterSunday(2008).description == "2008-03-23")
    }

    @Test func countsWorkingDaysAfterTheStartUpToAndIncludingTheEnd() {
        let calendar = WorkingDayCalendar()
        #expect(calendar.workingDays(from: d("2023-03-01"), to: d("2023-03-01")) == 0)
        #expect(calendar.workingDays(from: d("2023-03-01"), to: d("2023-03-02")) == 1)
        // Friday to Monday across a weekend: one working day.
        #expect(calendar.workingDays(from: d("2023-03-03"), to: d("2023-03-06")) == 1)
        // Saturday to Sunday: none; Saturday to Monday: one.
        #expect(calendar.workingDays(from: d("2023-03-04"), to: d("2023-03-05")) == 0)
        #expect(calendar.workingDays(from: d("2023-03-04"), to: d("2023-03-06")) == 1)
        // Mon 6 to Mon 20 March 2023: two whole weeks, ten working days.
        #expect(calendar.workingDays(from: d("2023-03-06"), to: d("2023-03-20")) == 10)
        // Out of order: negative, never 0.
        #expect(calendar.workingDays(from: d("2023-03-06"), to: d("2023-03-03")) == -1)
    }

    @Test func countsAcrossChristmasAndSubstituteDays() {
        let calendar = WorkingDayCalendar()
        // Fri 23 Dec 2022 to Fri 6 Jan 2023: out go the weekends, Mon 26 and Tue 27 Dec
        // (Christmas's substitute) and Mon 2 Jan (New Year's substitute): 28, 29, 30 Dec, 3-6 Jan.
        #expect(calendar.workingDays(from: d("2022-12-23"), to: d("2023-01-06")) == 7)
        // A rapid review's 15 working days from Tue 13 Dec 2022 end on Fri 6 Jan 2023:
        // 14-16 and 19-23 Dec (8), 28-30 Dec (3), 3-6 Jan (4).
        #expect(calendar.workingDays(from: d("2022-12-13"), to: d("2023-01-06")) == 15)
        #expect(calendar.workingDays(from: d("2022-12-12"), to: d("2023-01-06")) == 16)
        // 2020: Christmas Friday, Boxing Day Saturday, substitute Monday 28.
        #expect(calendar.workingDays(from: d("2020-12-24"), to: d("2020-12-29")) == 1)
    }

    @Test func configuredDaysAreNotWorkingDays() {
        let plain = WorkingDayCalendar()
        let configured = WorkingDayCalendar(extraHolidays: [d("2024-12-27")])
        #expect(plain.isWorkingDay(d("2024-12-27")))
        #expect(!configured.isWorkingDay(d("2024-12-27")))
        // Tue 24 Dec 2024 to Mon 30 Dec: 27 and 30 Dec, less the configured 27th.
        #expect(plain.workingDays(from: d("2024-12-24"), to: d("2024-12-30")) == 2)
        #expect(configured.workingDays(from: d("2024-12-24"), to: d("2024-12-30")) == 1)
    }
}
