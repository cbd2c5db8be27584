import Foundation
import Testing

@testable import AnnualReportKit

/// Day and month order decided per file and column, and a file named for a year holding only
/// that year's records: a month-first export never moves events into other years in silence.
@Suite(.serialized) struct DateOrderTests {
    /// A booking system's log, of our own invention: US dates, its own headers, a year in its name.
    static let log = """
        Date of Event,Event Title,Event Type,Number Attended,Priority
        04/01/2022,Neglect: recognising the signs,course,14,Safeguarding Babies
        05/12/2022,Exploitation briefing,conference,60,Keeping Adolescents Safe
        06/03/2022,Neglect: recognising the signs,course,11,Safeguarding Babies
        01/10/2023,Neglect: recognising the signs,course,16,Safeguarding Babies

        """

    func build(_ log: String, name: String = "training-log-2022-23.csv") throws -> (Run, Workdir) {
        let dir = Workdir()
        dir.write("in/\(name)", log)
        return (try run(["build", "--inputs", "in", "--out", "out", "--format", "csv"], in: dir), dir)
    }

    @Test func aValueOnlyMonthFirstCanReadMakesTheColumnMonthFirst() throws {
        let (result, dir) = try build(
            Self.log + "09/27/2022,Online safety,course,9,Keeping Adolescents Safe\n", name: "training.csv")
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr.contains(
                "training.csv:6:1: note: the dates in 'Date of Event' are read month-first (US order): '09/27/2022' can only be 27 September 2022, and every date in the column reads month-first"
            ))
        let delivery = parseCSV(dir.read("out/2022-23/tables/training-delivery.csv") ?? "")
        #expect(delivery.first { $0.first == "Events delivered" } == ["Events delivered", "", "5", "", ""])
        #expect(!dir.exists("out/2023-24"))
    }

    @Test func theFilesYearDecidesAColumnNoValueDecides() throws {
        let (result, dir) = try build(Self.log)
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr.contains(
                "training-log-2022-23.csv:2:1: note: the dates in 'Date of Event' are read month-first (US order): the file's name says 2022-23, and read day-first '04/01/2022' would be 4 January 2022, outside it, while month-first every date falls in 2022-23"
            ))
        let delivery = parseCSV(dir.read("out/2022-23/tables/training-delivery.csv") ?? "")
        #expect(delivery.first { $0.first == "Attendances" } == ["Attendances", "", "101", "", ""])
    }

    @Test func bothOrdersInAColumnIsAnErrorNamingOneOfEach() throws {
        let (result, _) = try build(
            Self.log + "09/27/2022,Online safety,course,9,Babies\n13/04/2022,Neglect,course,3,Babies\n")
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "training-log-2022-23.csv:6:1: error: the dates in 'Date of Event' are written in both orders: '09/27/2022' (here) can only be month-first, '13/04/2022' (line 7) only day-first; expected one order in a column"
            ))
    }

    /// A US export (the trial's f6): the notification and sent-to-Panel columns can only be
    /// month-first, the aware column fits both orders; the file is written month-first, so
    /// the aware column is too (read day-first, 10/06/2023 was 10 June: 0 of 2 on time, median 89).
    @Test func aColumnThatFitsBothOrdersFollowsTheFilesMonthFirstColumns() throws {
        let dir = Workdir()
        dir.write(
            "reviews.csv",
            """
            Reference,Type,Notification date,Date LA aware,Date sent to Panel,Sex,Ethnicity,Age
            RR-2023-01,Rapid review,10/13/2023,10/06/2023,10/27/2023,Female,White British,under 1
            RR-2023-02,Rapid review,12/15/2023,12/08/2023,01/05/2024,Male,White British,1-4

            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.notes.map(\.description).contains(
                "reviews.csv:2:36: note: the dates in 'Date LA aware' are read month-first (US order), as the file is written: every date in the column fits either order, and '10/13/2023' in 'Notification date' (line 2) can only be 13 October 2023"
            ))
        let report = try ReportBuilder.build(input, year: FinancialYear(startYear: 2023))
        let timeliness = try #require(report.tables.first { $0.id == "rapid-review-timeliness" })
        #expect(timeliness.display("2023-24") == ["2023-24", "2", "2", "0", "2", "0", "100.0%", "5.0"])
        #expect(timeliness.displayRows.last == ["2023-24", "2", "2", "0", "2", "0", "100.0%", "11.0"])
    }

    /// One column shown month-first and another shown day-first: the file mixes orders, an
    /// error naming one of each; no column of ambiguous dates is moved.
    @Test func aColumnShownMonthFirstBesideOneShownDayFirstIsAnError() {
        let dir = Workdir()
        dir.write(
            "reviews.csv",
            """
            reference,type,date,aware,completed
            RR-1,rapid review,10/13/2023,06/10/2023,03/11/2023
            RR-2,rapid review,12/01/2023,11/25/2023,22/12/2023

            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "reviews.csv:2:19: error: the dates in this file are written in both orders: '10/13/2023' in 'date' (here) can only be month-first, '22/12/2023' in 'completed' (line 3) only day-first; expected one order in a file (write them as 2022-04-13 to be sure)"
            ])
    }

    /// A column the dataset does not read may show the file month-first (a booking system's
    /// time stamp, with its time), but it is not moved itself, and its order never conflicts
    /// with a read column's.
    @Test func anIgnoredColumnShowsTheOrderButNeitherFollowsNorConflicts() throws {
        let dir = Workdir()
        dir.write(
            "training.csv",
            """
            date,title,attendees,logged,checked
            04/05/2023,Neglect,12,6/13/2023 9:15,05/04/2023
            06/07/2023,Neglect,9,6/14/2023 9:15,07/06/2023

            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.notes.map(\.description) == [
                "training.csv:1: note: ignored unknown columns 'logged', 'checked'",
                "training.csv:2:1: note: the dates in 'date' are read month-first (US order), as the file is written: every date in the column fits either order, and '6/13/2023 9:15' in 'logged' (line 2) can only be 13 June 2023",
                "training.csv:2:23: note: the dates in 'logged' are read month-first (US order): '6/13/2023 9:15' can only be 13 June 2023, and every date in the column reads month-first",
            ])
        #expect(try #require(input.records.training).map(\.date.description) == ["2023-04-05", "2023-06-07"])

        dir.write("training.csv", "date,title,attendees,logged\n04/13/2023,Neglect,12,13/04/2023\n")
        let ignoredDayFirst = InputFolder.read(dir.url)
        #expect(ignoredDayFirst.errors.isEmpty, "\(ignoredDayFirst.errors)")
        #expect(try #require(ignoredDayFirst.records.training).map(\.date.description) == ["2023-04-13"])
    }

    @Test func aRecordOfAnotherYearInAFileNamedForAYearIsAnError() throws {
        let (result, _) = try build("date,title,attendees\n2022-05-10,Neglect,12\n2023-04-03,Neglect,9\n")
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "training-log-2022-23.csv:3:1: error: date '2023-04-03' is 3 April 2023, in 2023-24, but the file's name says 2022-23; expected only 2022-23 records in it (a record of another year belongs in a file named for that year, or in one with no year in its name)"
            ))
    }

    @Test func isoAndUKDatesAreUnchanged() {
        #expect(CalendarDate(parsing: "04/01/2022") == CalendarDate(year: 2022, month: 1, day: 4))
        #expect(CalendarDate(parsing: "04/01/2022", monthFirst: true) == CalendarDate(year: 2022, month: 4, day: 1))
        #expect(CalendarDate(parsing: "2022-04-01", monthFirst: true) == CalendarDate(year: 2022, month: 4, day: 1))
        #expect(CalendarDate(parsing: "1 Apr 2022", monthFirst: true) == CalendarDate(year: 2022, month: 4, day: 1))
    }

    /// A register named for 2022-23 written month-first: 04/01/2022 (1 April) read day-first is
    /// 4 January, in 2021-22; the session is an error saying so, not a move between years.
    @Test func aRegisterSessionOutsideItsFilesYearIsAnError() {
        let dir = Workdir()
        dir.write(
            "attendance-2022-23.csv",
            """
            session_id,date,title,delegate_id,attended
            S1,04/01/2022,Neglect,D1,yes
            S1,04/01/2022,Neglect,D2,yes
            S2,05/06/2022,Exploitation,D1,yes

            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "attendance-2022-23.csv:2: error: session 'Neglect' on 4 January 2022 is in 2021-22, but the file's name says 2022-23; expected only 2022-23 sessions in it (the usual cause is the day/month order: if the register writes dates month-first, this one is 1 April 2022, in 2022-23; write dates as 2022-04-01 to be sure)"
            ])
    }

    /// A register exported month-first (a US booking system): one date that can only be
    /// month-first, none only day-first, and the whole column is read month-first with a note,
    /// both on the byte path (a session's first row) and the checking path.
    @Test func aRegisterWrittenMonthFirstIsReadMonthFirst() throws {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            """
            session_id,date,title,delegate_id,attended
            S1,04/01/2022,Neglect,D1,yes
            S1,04/01/2022,Neglect,D2,yes
            S2,04/13/2022,Core Safeguarding,D1,yes
            S3,"12/16/2022",Core Safeguarding,D3,no

            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.map(\.description) == [])
        #expect(
            input.notes.map(\.description).contains(
                "attendance.csv:4:4: note: the dates in 'date' are read month-first (US order): '04/13/2022' can only be 13 April 2022, and every date in the column reads month-first"
            ))
        let events = try #require(input.records.training)
        #expect(events.map(\.date.description) == ["2022-04-01", "2022-04-13", "2022-12-16"])
    }

    @Test func aRegisterWithDatesInBothOrdersIsAnErrorNamingOneOfEach() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            """
            session_id,date,title,delegate_id,attended
            S1,25/04/2022,Neglect,D1,yes
            S2,04/13/2022,Core Safeguarding,D1,yes

            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description).contains(
                "attendance.csv:3:4: error: the dates in 'date' are written in both orders: '04/13/2022' (here) can only be month-first, '25/04/2022' (line 2) only day-first; expected one order in a column (write them as 2022-04-13 to be sure)"
            ))
    }
}
