import Foundation
import Testing

@testable import AnnualReportKit

/// Dates as offices and booking systems write them beyond the plain forms: a two-digit year
/// in an all-number date, a time after the date, a weekday before it (the trial's f21).
@Suite struct DateFormsTests {
    func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    @Test func aTwoDigitYearInAnAllNumberDateIs20YYAndKeepsTheDayMonthOrder() {
        #expect(CalendarDate(parsing: "12/04/23") == date(2023, 4, 12))
        #expect(CalendarDate(parsing: "12/04/23", monthFirst: true) == date(2023, 12, 4))
        #expect(CalendarDate(parsing: "1-4-23") == date(2023, 4, 1))
        #expect(CalendarDate(parsing: "31.12.2099") == date(2099, 12, 31))
        #expect(CalendarDate(parsing: "10.30.00") == nil)
        #expect(DateOrder.fits("10.30.00") == nil)
        #expect(CalendarDate(parsing: "30/02/23") == nil)
        #expect(CalendarDate(parsing: "12/04/123") == nil)
        #expect(DateOrder.fits("04/13/23")! == (dayFirst: false, monthFirst: true))
    }

    @Test func aTimeAfterTheDateIsSetAside() {
        #expect(CalendarDate(parsing: "02/05/2023 09:30") == date(2023, 5, 2))
        #expect(CalendarDate(parsing: "2023-05-02 09:30:00") == date(2023, 5, 2))
        #expect(CalendarDate(parsing: "2023-05-02T09:30") == date(2023, 5, 2))
        #expect(CalendarDate(parsing: "2023-05-02T09:30:00.000Z") == date(2023, 5, 2))
        #expect(CalendarDate(parsing: "2023-05-02 09:30:00+01:00") == date(2023, 5, 2))
        #expect(CalendarDate(parsing: "6/1/2023 9:15 AM", monthFirst: true) == date(2023, 6, 1))
        #expect(CalendarDate(parsing: "12 April 2023, 14:00") == date(2023, 4, 12))
        #expect(DateOrder.fits("6/13/2023 9:15")! == (dayFirst: false, monthFirst: true))
        // Not a time of day: not a date.
        #expect(CalendarDate(parsing: "02/05/2023 25:30") == nil)
        #expect(CalendarDate(parsing: "02/05/2023 9:5") == nil)
        #expect(CalendarDate(parsing: "02/05/2023 13:00 PM") == nil)
        #expect(CalendarDate(parsing: "02/05/2023 soon: 9:30") == nil)
        #expect(CalendarDate(parsing: "09:30") == nil)
    }

    @Test func aWeekdayBeforeTheDateMustAgreeWithIt() {
        #expect(CalendarDate(parsing: "Wed 12 April 2023") == date(2023, 4, 12))
        #expect(CalendarDate(parsing: "Wednesday, 12 April 2023") == date(2023, 4, 12))
        #expect(CalendarDate(parsing: "wed. 12-Apr-23") == date(2023, 4, 12))
        #expect(CalendarDate(parsing: "Thurs 13/04/2023 10:00") == date(2023, 4, 13))
        #expect(CalendarDate(parsing: "Wed 13 April 2023") == nil)
        #expect(CalendarDate(parsing: "Wedding 12 April 2023") == nil)
        #expect(CalendarDate(parsing: "Wed12 April 2023") == nil)
        #expect(CalendarDate.weekdayDisagreement("Wed 13 April 2023")! == (date(2023, 4, 13), "Wed"))
        #expect(CalendarDate.weekdayDisagreement("Wed 12 April 2023") == nil)
        #expect(CalendarDate.weekdayDisagreement("13 April 2023") == nil)
    }

    /// The trial's f21 training log, and a weekday that disagrees with its date: an error at
    /// its cell naming both.
    @Test func aTrainingLogWithTheseFormsIsReadAndAWrongWeekdayIsAnError() throws {
        let dir = Workdir()
        dir.write(
            "training-2023-24.csv",
            """
            date,title,attendees
            12/04/23,Safer Sleep,10
            02/05/2023 09:30,Neglect Toolkit,5
            Wed 12 April 2023,Exploitation,7
            2023-06-01T13:00,Online Safety,4

            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        let events = try #require(input.records.training)
        #expect(events.map(\.date.description) == ["2023-04-12", "2023-05-02", "2023-04-12", "2023-06-01"])
        #expect(events.map(\.attendees) == [10, 5, 7, 4])

        dir.write(
            "training-2023-24.csv", "date,title,attendees\n12/04/23,Safer Sleep,10\nWed 13 April 2023,Exploitation,7\n")
        let wrong = InputFolder.read(dir.url)
        #expect(
            wrong.errors.map(\.description) == [
                "training-2023-24.csv:3:1: error: the weekday 'Wed' does not agree with the date: 13 April 2023 is a Thursday; expected the weekday and the date to agree (correct whichever is wrong, or write the date alone)"
            ])
    }

    @Test func theBadDateMessageListsTheForms() {
        let dir = Workdir()
        dir.write("training.csv", "date,title,attendees\n12/04/2023 soon,Safer Sleep,10\n")
        #expect(
            InputFolder.read(dir.url).errors.map(\.description) == [
                "training.csv:2:1: error: bad date '12/04/2023 soon'; expected a real date such as 2022-09-26, 2022/09/26, 26/09/2022, 26/09/22, 26 September 2022, 26 Sep 2022, 26-Sep-22, Mon 26 Sep 2022 or 26/09/2022 09:30"
            ])
    }
}
