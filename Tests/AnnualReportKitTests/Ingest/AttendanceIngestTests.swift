import Foundation
import Testing

@testable import AnnualReportKit

@Suite struct AttendanceIngestTests {
    @Test func aggregatesSessionsAttendancesAndDistinctPeople() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            header + #"""
                S1,2022-09-26,"Neglect, an introduction",course,Neglect;Exploitation,virtual,D1,Police,yes
                S1,2022-09-26,"Neglect, an introduction",course,Neglect;Exploitation,virtual,D2,Health,yes
                S1,2022-09-26,"Neglect, an introduction",course,Neglect;Exploitation,virtual,D3,Health,no
                S2,15/03/2023,"Say ""hello""",conference,Neglect,face-to-face,D1,police,Yes
                S3,2021-05-01,Old course,,,,D9,,yes
                S4,2022-10-01,Nobody came,course,Exploitation,,D4,Police,no

                """#)
        let r = read(dir, ["attendance.csv"])
        #expect(r.diagnostics.isEmpty)
        #expect(r.ledger == [FileLedger(file: "attendance.csv", dataset: "attendance", read: 6, used: 6, rejected: 0)])
        let y = fy("2022-23")
        let neglect = Priority("Neglect")
        let exploitation = Priority("Exploitation")
        #expect(r.summary.years[y] == .init(sessions: 3, registrations: 5, attendances: 3, people: 2))
        #expect(r.summary.years[fy("2021-22")] == .init(sessions: 1, registrations: 1, attendances: 1, people: 1))
        #expect(r.summary.priorities[y]?[neglect] == .init(sessions: 2, registrations: 4, attendances: 3, people: 2))
        #expect(
            r.summary.priorities[y]?[exploitation] == .init(sessions: 2, registrations: 4, attendances: 2, people: 2))
        #expect(r.summary.priorityOrder == [neglect, exploitation])
        #expect(r.summary.agencies[y]?["Police"] == .init(registrations: 3, attendances: 2, people: 1))
        #expect(r.summary.agencies[y]?["Health"] == .init(registrations: 2, attendances: 1, people: 1))
        #expect(r.summary.agencies[fy("2021-22")]?[AttendanceSummary.unrecordedAgency]?.people == 1)
        #expect(r.summary.peopleAllYears == 3)
        #expect(r.events.map(\.title) == ["Neglect, an introduction", "Say \"hello\"", "Old course", "Nobody came"])
        #expect(r.events.map(\.attendees) == [2, 1, 1, 0])
        #expect(r.events[0].priorities == [neglect, exploitation])
        #expect(r.events[0].format == .virtual && r.events[1].kind == .conference && r.events[1].format == .faceToFace)
        #expect(r.events[1].source == SourceLocation(file: "attendance.csv", line: 5))
        #expect(r.events.allSatisfy { e in e.status == .delivered })
    }

    /// The register's own row checks say what `RowReader` says for every other dataset, long
    /// values cut short the same way.
    @Test func registerMessagesAreRowReadersMessages() {
        let dir = Workdir()
        let long = String(repeating: "9", count: 200)
        dir.write(
            "attendance.csv",
            header + """
                S1,,Neglect,course,,,D1,Police,yes
                S2,\(long),Neglect,course,,,D1,Police,yes

                """)
        let text = read(dir, ["attendance.csv"]).diagnostics.map(\.description)
        let forms = CalendarDate.acceptedForms
        #expect(text.contains("attendance.csv:2:4: error: missing date; expected a date such as \(forms)"))
        #expect(
            text.contains(
                "attendance.csv:3:4: error: bad date '\(String(repeating: "9", count: 77))…'; expected a real date such as \(forms)"
            ))
        // The same words from the training reader.
        dir.write("training.csv", "date,title,priorities,attendees\n,Neglect,,3\n")
        #expect(
            InputFolder.read(dir.url).diagnostics.map(\.description).contains(
                "training.csv:2:1: error: missing date; expected a date such as \(forms)"))
    }

    /// The register reads what `RowReader` reads: an Excel serial date, with the note training
    /// gives, and a title written with a run of spaces as the same title (one session, no error).
    @Test func registerReadsWhatRowReaderReads() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            header + """
                S1,44830,Neglect,course,,,D1,Police,yes
                S1,44830,Neglect,course,,,D2,Police,yes
                S2,2022-09-27,Child  Exploitation,course,,,D1,Police,yes
                S2,2022-09-27,Child Exploitation,course,,,D3,Police,yes
                S3,44831,Neglect,course,,,D1,Police,no

                """)
        let r = read(dir, ["attendance.csv"])
        #expect(
            r.diagnostics.map(\.description) == [
                "attendance.csv:2:4: note: read 3 numbers such as '44830' in column 'date' as Excel serial dates (44830 is 2022-09-26); expected dates such as 2022-09-26, so check the column was exported as dates"
            ])
        #expect(r.ledger.map { [$0.read, $0.used, $0.rejected] } == [[5, 5, 0]])
        #expect(r.events.map(\.title) == ["Neglect", "Child Exploitation", "Neglect"])
        #expect(r.events.map(\.date.description) == ["2022-09-26", "2022-09-27", "2022-09-27"])
        #expect(r.events.map(\.attendees) == [2, 2, 0])
        // A title with doubled quotes, read from the bytes on a session's first row and by
        // RowReader on a row the byte path does not take (`Y`): one title, no disagreement.
        dir.write(
            "quoted.csv",
            header + """
                S9,2022-10-03,"The ""toxic trio"", revisited",course,,,D1,Police,yes
                S9,2022-10-03,"The ""toxic trio"", revisited",course,,,D2,Police,Y
                S9,2022-10-03,"The ""toxic trio"",  revisited",course,,,D3,Police,yes

                """)
        let quoted = read(dir, ["quoted.csv"])
        #expect(quoted.diagnostics.isEmpty)
        #expect(quoted.events.map(\.title) == ["The \"toxic trio\", revisited"])
        #expect(quoted.events.map(\.attendees) == [3])
        // Training says the same of the same cell.
        dir.write("training.csv", "date,title,priorities,attendees\n44830,Neglect,,3\n")
        #expect(
            InputFolder.read(dir.url).diagnostics.map(\.description).contains(
                "training.csv:2:1: note: read '44830' in column 'date' as Excel serial date (44830 is 2022-09-26); expected dates such as 2022-09-26, so check the column was exported as dates"
            ))
    }

    /// Rows of only empty cells, before the header and among the rows, are skipped and not
    /// counted, as in every other dataset (a spreadsheet's empty rows export as `,,,,`).
    @Test func emptyRowsAreSkippedAsEveryReaderSkipsThem() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            ",,,,,,,,\n\n" + header + """
                S1,2022-09-26,Neglect,course,,,D1,Police,yes
                ,,,,,,,,
                "",,  ,,,,,,	
                ,,,,,,,,,,,,
                S1,2022-09-26,Neglect,course,,,D2,Police,no

                """)
        let r = read(dir, ["attendance.csv"])
        #expect(r.diagnostics.isEmpty)
        #expect(r.ledger.map { [$0.read, $0.used, $0.rejected] } == [[2, 2, 0]])
        #expect(r.events.map(\.attendees) == [1])
        // Training reads the same shape the same way.
        dir.write("training.csv", ",,,\ndate,title,priorities,attendees\n2022-09-26,Neglect,,3\n,,,\n")
        #expect(
            InputFolder.read(dir.url).ledger.first { $0.file == "training.csv" }.map { [$0.read, $0.used] } == [1, 1])
        // A file of only empty rows has no header.
        dir.write("attendance.csv", ",,,\n,,\n")
        #expect(
            read(dir, ["attendance.csv"]).diagnostics.map(\.description) == [
                "attendance.csv:1:1: error: empty file; expected a header row naming the attendance columns"
            ])
    }

    /// A `Total` row ending a register, wherever its label and however wide, is a summary row,
    /// not a session: read, counted apart in the ledger, noted, never rejected or counted as data.
    @Test func totalRowsAreSummaryRowsNotSessions() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            header + """
                S1,2022-09-26,Neglect,course,,,D1,Police,yes
                S1,2022-09-26,Neglect,course,,,D2,Police,no
                ,,,,,,,,
                Total,,,,,,,,1
                ,,Grand total:,,,,,,
                Sub-total,

                """)
        let r = read(dir, ["attendance.csv"])
        #expect(
            r.diagnostics.map(\.description) == [
                "attendance.csv:5: note: the 'Total' row is a summary row, not a record of attendance; not counted (the attendance dataset has no figure to check it against)",
                "attendance.csv:6: note: the 'Grand total:' row is a summary row, not a record of attendance; not counted (the attendance dataset has no figure to check it against)",
                "attendance.csv:7: note: the 'Sub-total' row is a summary row, not a record of attendance; not counted (the attendance dataset has no figure to check it against)",
            ])
        #expect(r.ledger.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [[5, 2, 0, 3]])
        #expect(r.events.count == 1)
        #expect(r.events.map(\.attendees) == [1])
        // A session that is only named like one (`Sun-01`) is a session.
        dir.write("attendance.csv", header + "Sun-01,2022-09-26,Neglect,course,,,D1,Police,yes\n")
        #expect(read(dir, ["attendance.csv"]).events.map(\.title) == ["Neglect"])
    }

    /// A booking system's export carries names and emails beside the register's columns, and
    /// its delegate ids are often emails: a rejected row shows none of them.
    @Test func rejectedRowsWithholdPersonalData() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            """
            Session Ref,Date,Course,Attendee Name,Email,Attendee ID,Attended
            S1,2022-09-26,Neglect,Jo Bloggs,jo@example.org,jo@example.org,maybe
            S1,2022-09-26,Neglect,Sam Smith,sam@example.org,sam@example.org,yes

            """)
        let r = read(dir, ["attendance.csv"])
        #expect(
            r.diagnostics.map(\.description) == [
                "attendance.csv:1: note: ignored unknown column 'Attendee Name'",
                "attendance.csv:2:63: error: unknown attended 'maybe'; expected yes, attended, present or checked in (attended); no, absent, no show or did not attend (a no-show); attending, booked or registered (still booked after the session: a no-show); not attending, cancelled, refunded or transferred (a cancelled booking)",
            ])
        // The title is free text, withheld like the names and emails.
        #expect(
            r.rejected.map(\.fields) == [
                ["S1", "2022-09-26", "(withheld)", "(withheld)", "(withheld)", "(withheld)", "maybe"]
            ])
        #expect(r.events.map(\.attendees) == [1])
    }

    @Test func badRowsAreLocatedAndRejectedWithTheLedgerBalanced() {
        let dir = Workdir()
        dir.write(
            "attendance-2022.csv",
            header + """
                S1,2022-09-26,Neglect,course,,,D1,Police,yes
                S1,31/02/2022,Neglect,course,,,D2,Police,yes
                S1,2022-09-26,Neglect,course,,,,Police,maybe
                S1,2022-09-27,Neglect,course,,,D3,Police,yes
                S2,2022-09-26,Other,course,,,D3,Police,yes,extra
                S3,2022-09-26,"unterminated,course,,,D3,Police,yes

                """)
        let r = read(dir, ["attendance-2022.csv"])
        let text = r.diagnostics.map(\.description)
        #expect(
            text.contains(
                "attendance-2022.csv:3:4: error: bad date '31/02/2022'; expected a real date such as 2022-09-26, 2022/09/26, 26/09/2022, 26/09/22, 26 September 2022, 26 Sep 2022, 26-Sep-22, Mon 26 Sep 2022 or 26/09/2022 09:30"
            ))
        #expect(
            text.contains(
                "attendance-2022.csv:4:32: error: missing delegate_id; expected the delegate's id from the booking system"
            ))
        #expect(
            text.contains(
                "attendance-2022.csv:4:40: error: unknown attended 'maybe'; expected yes, attended, present or checked in (attended); no, absent, no show or did not attend (a no-show); attending, booked or registered (still booked after the session: a no-show); not attending, cancelled, refunded or transferred (a cancelled booking)"
            ))
        #expect(
            text.contains(
                "attendance-2022.csv:5:4: error: session 'S1' has date 2022-09-27 here but 2022-09-26 at attendance-2022.csv:2; expected the same date, title, kind, priorities and format on every row of a session"
            ))
        #expect(text.contains("attendance-2022.csv:6:44: error: row has 10 fields; expected 9 as in the header"))
        #expect(text.contains { $0.hasPrefix("attendance-2022.csv:7:15: error: unterminated quoted field") })
        #expect(r.ledger.first.map { ($0.read, $0.used, $0.rejected) } ?? (0, 0, 0) == (6, 1, 5))
        #expect(r.rejected.map(\.line) == [3, 4, 5, 6, 7])
        #expect(
            r.rejected[0].fields == [
                "S1", "31/02/2022", "(withheld)", "course", "", "", "(withheld)", "(withheld)", "yes",
            ])
        #expect(r.rejected[1].reason.contains(" | "))
    }

    @Test func unknownConfiguredPriorityNamesTheClosest() {
        let dir = Workdir()
        dir.write("attendance.csv", header + "S1,2022-09-26,Neglect,course,Neglectt,,D1,Police,yes\n")
        var configuration = ReportConfiguration()
        configuration.priorities[fy("2022-23")] = [PriorityDefinition(name: "Neglect")]
        let r = read(dir, ["attendance.csv"], configuration: configuration)
        #expect(
            r.diagnostics.map(\.description) == [
                "attendance.csv:2:30: error: unknown priority 'Neglectt'; expected a configured priority or alias; did you mean 'Neglect'?"
            ])
        #expect(r.ledger[0].rejected == 1)
    }

    @Test func missingColumnRejectsEveryRowAndAliasesAreAccepted() {
        let dir = Workdir()
        dir.write("attendance.csv", "session_id,date,title,delegate_id\nS1,2022-09-26,X,D1\nS1,2022-09-26,X,D2\n")
        dir.write(
            "attendance-b.csv",
            "Session ID,Date,Title,Priority,Delegate,Organisation,Attended,Notes\nS9,2022-09-26,X,Neglect,D1,Police,no,\n"
        )
        let r = read(dir, ["attendance.csv", "attendance-b.csv"])
        #expect(
            r.diagnostics.map(\.description).contains(
                "attendance.csv:1: error: missing required column 'attended'; expected a header naming one of: attended, attendance, present"
            ))
        #expect(r.diagnostics.map(\.description).contains("attendance-b.csv:1: note: ignored unknown column 'Notes'"))
        #expect(r.ledger.map(\.rejected) == [2, 0])
        #expect(r.ledger.map(\.used) == [0, 1])
        #expect(r.rejected.map(\.reason) == ["the file lacks a required column", "the file lacks a required column"])
        #expect(r.summary.priorities[fy("2022-23")]?[Priority("Neglect")]?.sessions == 1)
    }

    @Test func sessionDetailsMustAgreeAcrossFilesAndWithinChunks() {
        let dir = Workdir()
        dir.write("attendance-1.csv", header + "S1,2022-09-26,Neglect,course,Neglect,,D1,Police,yes\n")
        dir.write(
            "attendance-2.csv",
            header
                + "S1,26/09/2022,Neglect,course,neglect,,D2,Police,yes\nS1,2022-09-26,Neglect,conference,,,D3,Police,yes\n"
        )
        let r = read(dir, ["attendance-1.csv", "attendance-2.csv"])
        // 26/09/2022 and `neglect` are the same details written differently: accepted.
        #expect(
            r.diagnostics.map(\.description) == [
                "attendance-2.csv:3:23: error: session 'S1' has kind conference here but course at attendance-1.csv:2; expected the same date, title, kind, priorities and format on every row of a session"
            ])
        #expect(r.events.count == 1)
        #expect(r.events[0].attendees == 2)
    }

    @Test func windows1252IsDecodedWithANote() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            bytes: Array(header.utf8) + Array("S1,2022-09-26,Budget ".utf8) + [0xA3]
                + Array("5,course,,,D1,Police,yes\n".utf8))
        let r = read(dir, ["attendance.csv"])
        #expect(r.events.first?.title == "Budget £5")
        #expect(r.ledger.first?.encoding == "Windows-1252")
        #expect(
            r.diagnostics.map(\.description) == [
                "attendance.csv: note: read as Windows-1252 because the file is not UTF-8"
            ])
    }

    @Test func byteOrderMarkCRLFBlankLinesAndEmptyFiles() {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            bytes: [0xEF, 0xBB, 0xBF]
                + Array(
                    (header
                        + "\r\nS1,2022-09-26,\"Line\r\nbreak\",course,,,D1,Police,yes\r\nS1,2022-09-26,\"Line\r\nbreak\",course,,,D2,Police,no\r\n")
                        .replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "\r\r\n", with: "\r\n")
                        .utf8))
        dir.write("attendance-empty.csv", "")
        dir.write("attendance-header.csv", header)
        let r = read(dir, ["attendance.csv", "attendance-empty.csv", "attendance-header.csv"])
        #expect(r.events.map(\.title) == ["Line\r\nbreak"])
        #expect(r.events.first?.source.line == 3)
        #expect(r.ledger.map(\.read) == [2, 0, 0])
        #expect(
            r.diagnostics.map(\.description) == [
                "attendance-empty.csv:1:1: error: empty file; expected a header row naming the attendance columns",
                "attendance-header.csv:1: note: header only, no rows",
            ])
    }

    @Test func rejectionsPastTheLimitAreCountedNotListed() {
        let dir = Workdir()
        dir.write("attendance.csv", header + (1...50).map { "S\($0),bad,T,course,,,D1,P,yes\n" }.joined())
        let r = read(dir, ["attendance.csv"], workers: 2, chunkSize: 256, limit: 10)
        #expect(r.ledger[0].rejected == 50)
        #expect(r.rejected.map(\.line) == Array(2...11))
        #expect(
            r.diagnostics.contains {
                $0.message == "40 more rejected rows are not listed; only the first 10 of each file are"
            })
    }

    @Test func conflictsWithTrainingAreReported() {
        let source = SourceLocation(file: "training.csv", line: 4)
        let e = TrainingEvent(
            date: CalendarDate(year: 2022, month: 9, day: 26)!, title: "Neglect", kind: .course, priorities: [],
            status: .delivered, attendees: 3, format: nil, evaluations: nil, source: source)
        var a = e
        a.source = SourceLocation(file: "attendance.csv", line: 2)
        a.title = "NEGLECT"
        let d = AttendanceIngest.conflicts(training: [e], attendance: [a])
        #expect(
            d.map(\.description) == [
                "training.csv:4: error: training event 'Neglect' on 2022-09-26 is also a session of attendance.csv:2; expected each session in training or in attendance, not both"
            ])
    }
}
