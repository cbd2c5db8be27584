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
        let (result, dir) = try build(Self.log + "09/27/2022,Online safety,course,9,Keeping Adolescents Safe\n", name: "training.csv")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("training.csv:6:1: note: the dates in 'Date of Event' are read month-first (US order): '09/27/2022' can only be 27 September 2022, and every date in the column reads month-first"))
        let delivery = parseCSV(dir.read("out/2022-23/tables/training-delivery.csv") ?? "")
        #expect(delivery.first { $0.first == "Events delivered" } == ["Events delivered", "", "5", "", ""])
        #expect(!dir.exists("out/2023-24"))
    }

    @Test func theFilesYearDecidesAColumnNoValueDecides() throws {
        let (result, dir) = try build(Self.log)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("training-log-2022-23.csv:2:1: note: the dates in 'Date of Event' are read month-first (US order): the file's name says 2022-23, and read day-first '04/01/2022' would be 4 January 2022, outside it, while month-first every date falls in 2022-23"))
        let delivery = parseCSV(dir.read("out/2022-23/tables/training-delivery.csv") ?? "")
        #expect(delivery.first { $0.first == "Attendances" } == ["Attendances", "", "101", "", ""])
    }

    @Test func bothOrdersInAColumnIsAnErrorNamingOneOfEach() throws {
        let (result, _) = try build(Self.log + "09/27/2022,Online safety,course,9,Babies\n13/04/2022,Neglect,course,3,Babies\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("training-log-2022-23.csv:6:1: error: the dates in 'Date of Event' are written in both orders: '09/27/2022' (here) can only be month-first, '13/04/2022' (line 7) only day-first; expected one order in a column"))
    }

    @Test func aRecordOfAnotherYearInAFileNamedForAYearIsAnError() throws {
        let (result, _) = try build("date,title,attendees\n2022-05-10,Neglect,12\n2023-04-03,Neglect,9\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("training-log-2022-23.csv:3:1: error: date '2023-04-03' is 3 April 2023, in 2023-24, but the file's name says 2022-23; expected only 2022-23 records in it (a record of another year belongs in a file named for that year, or in one with no year in its name)"))
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
        dir.write("attendance-2022-23.csv", """
            session_id,date,title,delegate_id,attended
            S1,04/01/2022,Neglect,D1,yes
            S1,04/01/2022,Neglect,D2,yes
            S2,05/06/2022,Exploitation,D1,yes

            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.map(\.description) == [
            "attendance-2022-23.csv:2: error: session 'Neglect' on 4 January 2022 is in 2021-22, but the file's name says 2022-23; expected only 2022-23 sessions in it (the usual cause is the day/month order: if the register writes dates month-first, this one is 1 April 2022, in 2022-23; write dates as 2022-04-01 to be sure)",
        ])
    }
}
