import Foundation
import Testing

@testable import AnnualReportKit

/// Lines under a register's last record with text in one cell are footnotes, as under any
/// other dataset: counted apart, named by line in a note, their text withheld.
@Suite struct AttendanceFootnoteTests {
    @Test func footnotesUnderTheRecordsAreNotRows() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            "session_id,date,title,delegate_id,attended\r\nS1,2022-05-01,Neglect,D1,yes\r\nS1,2022-05-01,Neglect,D2,no\r\n\r\nNote: one session only,,,,\r\nPrepared by jo.bloggs@example.org\r\n"
        )
        let r = read(dir, ["attendance.csv"])
        #expect(r.ledger.map { [$0.read, $0.used, $0.rejected, $0.footnotes] } == [[4, 2, 0, 2]])
        #expect(
            r.diagnostics.map(\.description) == [
                "attendance.csv:5: note: 2 footnote lines under the records, not read as records: footnotes withheld (lines 5, 6), as they may name a person"
            ])
        #expect(r.summary.years[fy("2022-23")] == .init(sessions: 1, registrations: 2, attendances: 1, people: 1))
    }

    @Test func aOneCellLineAmongTheRecordsIsStillAnError() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            "session_id,date,title,delegate_id,attended\nS1,2022-05-01,Neglect,D1,yes\nstray\nS1,2022-05-01,Neglect,D2,no\n"
        )
        let r = read(dir, ["attendance.csv"])
        #expect(r.ledger.map { [$0.read, $0.used, $0.rejected, $0.footnotes] } == [[3, 2, 1, 0]])
        #expect(
            r.diagnostics.map(\.description) == [
                "attendance.csv:3: error: row has 1 field; expected 5 as in the header"
            ])
    }

    /// A register without session ids (an LMS export) is refused with how to make the column.
    @Test func aRegisterWithoutSessionIDsSaysHowToMakeThem() {
        let dir = Workdir()
        dir.write("attendance.csv", "date,title,delegate_id,attended\n2022-05-10,Neglect,D1,yes\n")
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description).first
                == "attendance.csv:1: error: missing required column 'session_id'; expected a header naming one of: session_id, session, session ref, session reference, event id, course id; each row must say which session it belongs to: add a session_id column holding the booking system's event id, or any text that is the same on every row of one session and different between sessions (the date and the title joined, say)"
        )
    }
}
