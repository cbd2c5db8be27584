import Foundation
import Testing

@testable import AnnualReportKit

@Suite struct AttendanceTablesTests {
    @Test func tablesForTheYearTheYearBeforeAndTheTrend() {
        var s = AttendanceSummary()
        let y = fy("2022-23")
        let p = Priority("Neglect")
        let q = Priority("Exploitation")
        // The register's counts per year and priority list; the figures below are their sums.
        s.groups = [
            .init(year: y, priorities: [p, q], sessions: 1, registrations: 3, attendances: 2),
            .init(year: y, priorities: [p], sessions: 1, registrations: 1, attendances: 1),
            .init(year: y, priorities: [q], sessions: 1, registrations: 1, attendances: 0),
            .init(year: fy("2020-21"), priorities: [], sessions: 1, registrations: 1, attendances: 1),
        ]
        s.peoplePerYear = [y: 2, fy("2020-21"): 1]
        s.peoplePerPriority = [y: [p: 2, q: 2]]
        #expect(
            s.years == [
                y: .init(sessions: 3, registrations: 5, attendances: 3, people: 2),
                fy("2020-21"): .init(sessions: 1, registrations: 1, attendances: 1, people: 1),
            ])
        #expect(
            s.priorities == [
                y: [
                    p: .init(sessions: 2, registrations: 4, attendances: 3, people: 2),
                    q: .init(sessions: 2, registrations: 4, attendances: 2, people: 2),
                ]
            ])
        s.priorityOrder = [p, q]
        s.agencies = [
            y: [
                "Police": .init(registrations: 3, attendances: 2, people: 1),
                "Health": .init(registrations: 2, attendances: 1, people: 1),
            ]
        ]
        s.peopleAllYears = 3
        let section = AttendanceTables.section(s, year: y, priorities: [q])
        #expect(section.tables.map(\.id) == ["attendance-priorities", "attendance-agencies", "attendance-trend"])
        let priorities = section.tables[0]
        #expect(
            priorities.displayRows == [
                ["Exploitation", "2", "2", "2"], ["Neglect", "2", "3", "2"],
                ["All sessions (each counted once)", "3", "3", "2"],
            ])
        let agencies = section.tables[1]
        #expect(
            agencies.displayRows == [
                ["Police", "N/A", "2", "N/A", "1"], ["Health", "N/A", "1", "N/A", "1"],
                ["All agencies", "N/A", "3", "N/A", "2"],
            ])
        #expect(agencies.rows[2].cells[2].derivation == .sum([CellRef(row: 0, column: 2), CellRef(row: 1, column: 2)]))
        #expect(
            section.tables[2].displayRows == [
                ["2020-21", "1", "1", "1", "1"], ["2021-22", "0", "0", "0", "0"], ["2022-23", "3", "5", "3", "2"],
            ])
        #expect(AttendanceTables.section(nil, year: y, priorities: []).notes.count == 1)
    }

    /// Absent is not zero: a priority the registers tag in some year is a real 0 in a year
    /// without its sessions; one they never tag is not recorded by them, so N/A, with a note.
    @Test func aPriorityTheRegistersNeverTagIsNotRecorded() {
        var s = AttendanceSummary()
        let y = fy("2023-24")
        let p = Priority("Neglect")
        let q = Priority("Exploitation")
        let r = Priority("Digital Harm")
        s.groups = [
            .init(year: y, priorities: [p], sessions: 2, registrations: 5, attendances: 4),
            .init(year: fy("2022-23"), priorities: [q], sessions: 1, registrations: 2, attendances: 2),
        ]
        s.peoplePerYear = [y: 3, fy("2022-23"): 2]
        s.peoplePerPriority = [y: [p: 3], fy("2022-23"): [q: 2]]
        s.priorityOrder = [p, q]
        let table = AttendanceTables.section(s, year: y, priorities: [r, p, q]).tables[0]
        #expect(table.id == "attendance-priorities")
        #expect(
            table.displayRows == [
                ["Digital Harm", "N/A", "N/A", "N/A"], ["Neglect", "2", "4", "3"], ["Exploitation", "0", "0", "0"],
                ["All sessions (each counted once)", "2", "4", "3"],
            ])
        #expect(
            table.notes.last
                == "N/A: the attendance registers never tag a session with 'Digital Harm', so its sessions and people reached are not recorded by them (not 0)."
        )
    }

    /// The trial's f3: Digital Harm's courses are training rows (booked through Eventbrite),
    /// and the register covers only the other priorities' sessions.
    @Test func aPriorityTrainedOutsideTheRegisterIsNotAZero() throws {
        let dir = Workdir()
        dir.write(
            "training-2023-24.csv",
            """
            date,title,kind,priorities,status,attendees,format
            2023-05-10,Online Safety for Practitioners,course,Digital Harm,delivered,4,virtual
            2024-02-07,Neglect Toolkit,course,Neglect,delivered,14,face-to-face

            """)
        dir.write(
            "attendance-2023-24.csv",
            """
            Session Ref,Session Date,Course Title,Priority,Delivery,Email Address,Organisation,Attended
            S1,2023-06-14,Safer Sleep Workshop,Safeguarding Babies,face-to-face,alice.smith@wyvern.gov.uk,Wyvern County Council,Yes
            S1,2023-06-14,Safer Sleep Workshop,Safeguarding Babies,face-to-face, bob.jones@nhs.net ,Wyvern ICB,Yes
            S1,2023-06-14,Safer Sleep Workshop,Safeguarding Babies,face-to-face,zoe.ames@nhs.net,Wyvern ICB,No
            S1,2023-06-14,Safer Sleep Workshop,Safeguarding Babies,face-to-face,yan.bell@police.uk,Wyvern Police,Yes
            S2,2023-10-04,Safer Sleep Workshop,Safeguarding Babies,face-to-face,Alice.Smith@wyvern.gov.uk,Wyvern County Council,Yes
            S2,2023-10-04,Safer Sleep Workshop,Safeguarding Babies,face-to-face,yan.bell@police.uk,Wyvern Police,Yes
            S2,2023-10-04,Safer Sleep Workshop,Safeguarding Babies,face-to-face,xena.cole@school.sch.uk,St Anne's Primary,Yes
            S2,2023-10-04,Safer Sleep Workshop,Safeguarding Babies,face-to-face,wes.dart@nhs.net,Wyvern ICB,No
            S3,2024-01-24,Neglect Toolkit Refresher,Neglect,virtual,bob.JONES@nhs.net,Wyvern ICB,Yes
            S3,2024-01-24,Neglect Toolkit Refresher,Neglect,virtual,vic.eyre@wyvern.gov.uk,Wyvern County Council,Yes
            S3,2024-01-24,Neglect Toolkit Refresher,Neglect,virtual,wes.dart@nhs.net,Wyvern ICB,Yes

            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        let report = try ReportBuilder.build(input)
        let people = try #require(report.tables.first { $0.id == "attendance-priorities" })
        #expect(people.display("Digital Harm") == ["Digital Harm", "N/A", "N/A", "N/A"])
        #expect(people.display("Safeguarding Babies") == ["Safeguarding Babies", "2", "6", "4"])
        #expect(people.display("Neglect") == ["Neglect", "1", "3", "3"])
        #expect(
            people.display("All sessions (each counted once)") == ["All sessions (each counted once)", "3", "9", "6"])
        #expect(CSVWriter.csv(people).contains("\nDigital Harm,,,\n"))
    }

    @Test func progressLineWritesOnlyAfterTheInterval() {
        var written: [String] = []
        let lock = NSLock()
        let line = ProgressLine(interval: 0) { text in
            lock.lock()
            written.append(text)
            lock.unlock()
        }
        line.update(file: "attendance.csv", rows: 0, bytes: 0)
        line.update(file: "attendance.csv", rows: 2_000_000, bytes: 250_000_000)
        line.finish()
        #expect(written.count == 2)
        #expect(written[0].hasPrefix("\rattendance.csv: 2,000,000 rows, 250 MB, "))
        #expect(written[1].trimmingCharacters(in: .whitespaces) == "\r\r" || written[1].hasSuffix("\r"))
    }
}
