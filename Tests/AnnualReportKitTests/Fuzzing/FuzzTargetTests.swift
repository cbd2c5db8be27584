import Foundation
import Testing

@testable import AnnualReportKit

/// The libFuzzer targets' entry points (`FuzzEntryPoints`), in `swift test`: what the targets'
/// committed inputs rely on, and the inputs that once were findings.
@Suite struct FuzzTargetTests {
    static let fuzzFolder = repositoryRoot.appendingPathComponent("Fuzz")

    /// FuzzDatasets' first byte picks the dataset by its place here (attendance left out), so the
    /// committed corpus tests what it was made for only while this order stays: a new dataset
    /// goes last in `Datasets.all`.
    @Test func datasetsKeepTheirFirstByte() {
        #expect(
            FuzzEntryPoints.datasetNames == [
                "training", "videos", "catalogue", "youtube", "reviews", "finance",
                "bookings", "evaluations", "recommendations", "audits",
            ])
    }

    /// Every input in `Fuzz/crashes/TARGET/` through its target's entry point: a finding once
    /// fixed stays fixed (a regression stops the test run, as it stops the fuzzer). `.ci/run`
    /// replays them with the targets' own replay tools too.
    @Test func findingsStayFixed() throws {
        let entries: [String: ([UInt8]) -> Void] = [
            "FuzzCSV": FuzzEntryPoints.csv, "FuzzDatasets": FuzzEntryPoints.dataset,
            "FuzzConfiguration": FuzzEntryPoints.configuration, "FuzzAttendance": FuzzEntryPoints.attendance,
            "FuzzWorkbook": FuzzEntryPoints.workbook, "FuzzPipeline": FuzzEntryPoints.pipeline,
        ]
        let crashes = Self.fuzzFolder.appendingPathComponent("crashes")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: crashes.path)) ?? []
        var replayed = 0
        for folder in folders.sorted() where !folder.hasPrefix(".") {
            let entry = try #require(entries[folder], "Fuzz/crashes/\(folder) names no target")
            let files = try FileManager.default.contentsOfDirectory(atPath: crashes.appendingPathComponent(folder).path)
            for file in files.sorted() where !file.hasPrefix(".") {
                entry([UInt8](try Data(contentsOf: crashes.appendingPathComponent("\(folder)/\(file)"))))
                replayed += 1
            }
        }
        // Every committed finding replayed: an empty or misplaced folder cannot pass.
        #expect(replayed == 7)
    }

    /// FuzzAttendance's check on a register whose rows the fast path takes (repeated sessions,
    /// their details byte for byte): with the fast path off, every row through the checking
    /// path, the read is the same.
    @Test func attendanceFastPathAgreesWithTheCheckingPath() throws {
        let url = repositoryRoot.appendingPathComponent("Tests/AnnualReportKitTests/Fixtures/attendance-fuzz.csv")
        let catalog = PriorityCatalog(configuration: ReportConfiguration())
        let fast = AttendanceIngest.read(files: [url], catalog: catalog, workers: 1)
        let checking = AttendanceIngest.read(files: [url], catalog: catalog, workers: 1, fastPath: .off)
        #expect(
            fast.ledger == [
                FileLedger(file: "attendance-fuzz.csv", dataset: "attendance", read: 30, used: 30, rejected: 0)
            ])
        #expect(fast.events.map(\.attendees) == [5, 3, 4, 3, 5])
        #expect(fast.diagnostics.isEmpty)
        #expect(checking.ledger == fast.ledger)
        #expect(checking.events == fast.events)
        #expect(checking.summary == fast.summary)
        #expect(checking.diagnostics.isEmpty)
        // And the whole differential check, as the fuzz target runs it.
        FuzzEntryPoints.attendance([UInt8](try Data(contentsOf: url)))
    }

    /// A register with what the fast path must hand over: a changed detail, a bad attended
    /// value, a short row, a doubled quote in a key. The same messages either way.
    @Test func attendanceFastPathHandsOverTheRowsItCannotTake() throws {
        let dir = Workdir()
        dir.write(
            "attendance.csv",
            """
            session_id,date,title,kind,priorities,format,delegate_id,agency,attended
            S1,2022-09-26,Neglect,course,,,D1,Police,yes
            S1,2022-09-26,Neglect,course,,,D2,Police,no
            S1,2022-09-27,Neglect,course,,,D3,Police,yes
            S1,2022-09-26,Neglect,course,,,D4,Police,maybe
            S1,2022-09-26,Neglect,course,,,D5
            "S""1",2022-09-26,Neglect,course,,,D6,Police,yes

            """)
        let url = dir.url.appendingPathComponent("attendance.csv")
        let catalog = PriorityCatalog(configuration: ReportConfiguration())
        let fast = AttendanceIngest.read(files: [url], catalog: catalog, workers: 1)
        let checking = AttendanceIngest.read(files: [url], catalog: catalog, workers: 1, fastPath: .off)
        #expect(fast.ledger == checking.ledger)
        #expect(fast.diagnostics == checking.diagnostics)
        #expect(fast.events == checking.events)
        #expect(
            fast.ledger == [FileLedger(file: "attendance.csv", dataset: "attendance", read: 6, used: 3, rejected: 3)])
        #expect(
            fast.diagnostics.map(\.description) == [
                "attendance.csv:4:4: error: session 'S1' has date 2022-09-27 here but 2022-09-26 at attendance.csv:2; expected the same date, title, kind, priorities and format on every row of a session",
                "attendance.csv:5:42: error: unknown attended 'maybe'; expected yes, attended, present or checked in (attended); no, absent, no show or did not attend (a no-show); attending, booked or registered (still booked after the session: a no-show); not attending, cancelled, refunded or transferred (a cancelled booking)",
                "attendance.csv:6: error: row has 7 fields; expected 9 as in the header",
            ])
        FuzzEntryPoints.attendance([UInt8](try Data(contentsOf: url)))
    }

    /// Every booking word of SPEC in a plain register's `attended` column, in the cases and
    /// spacing offices write them: read the same by the byte fast path and the checking path.
    /// Attended: Present, Checked In, YES; no-shows: Absent, No Show, no-show, Did Not Attend,
    /// and Attending, Booked, Registered after the session; cancelled: Not Attending,
    /// Cancelled, Refunded, Transferred (used rows, not registrations).
    @Test func everyBookingWordIsReadTheSameOnBothPaths() throws {
        let dir = Workdir()
        let words = [
            "Present", "Checked In", "YES", "Absent", "No Show", "no-show", "Did Not Attend", "Attending", "Booked",
            "Registered", "Not Attending", "Cancelled", "Refunded", "Transferred", "attended", " checked_in ",
        ]
        var text = "session_id,date,title,kind,priorities,format,delegate_id,agency,attended\n"
        text += "S1,2023-09-26,Neglect,course,,,D0,Police,yes\n"
        for (i, word) in words.enumerated() { text += "S1,2023-09-26,Neglect,course,,,D\(i + 1),Police,\(word)\n" }
        text += "S2,2023-10-02,Exploitation,course,,,D1,Health,Cancelled\n"
        dir.write("attendance.csv", text)
        let url = dir.url.appendingPathComponent("attendance.csv")
        let catalog = PriorityCatalog(configuration: ReportConfiguration())
        let fast = AttendanceIngest.read(files: [url], catalog: catalog, workers: 1)
        let checking = AttendanceIngest.read(files: [url], catalog: catalog, workers: 1, fastPath: .off)
        #expect(fast.ledger == checking.ledger)
        #expect(fast.diagnostics == checking.diagnostics)
        #expect(fast.events == checking.events)
        #expect(fast.summary == checking.summary)
        #expect(
            fast.ledger == [FileLedger(file: "attendance.csv", dataset: "attendance", read: 18, used: 18, rejected: 0)])
        #expect(
            fast.diagnostics.map(\.description) == [
                "attendance.csv: note: 3 bookings are still 'attending', 'booked' or 'registered' after the session and counted as no-shows",
                "attendance.csv: note: 5 bookings were cancelled (not attending, cancelled, refunded or transferred): read, and not counted as registrations",
            ])
        // S1: 17 rows, 4 of them cancelled: 13 registrations, of which 6 attended (yes, Present,
        // Checked In, YES, attended, checked_in). S2's only booking was cancelled: no session.
        #expect(fast.events.map(\.attendees) == [6])
        #expect(
            fast.summary.years[FinancialYear(startYear: 2023)]
                == .init(sessions: 1, registrations: 13, attendances: 6, people: 6))
        FuzzEntryPoints.attendance([UInt8](try Data(contentsOf: url)))
    }

    /// FuzzPipeline's packed folder: names kept to safe bytes (a mutated name never leaves the
    /// folder), the last of two files with one name wins, text before the first marker ignored.
    @Test func aPackedFolderUnpacksToItsFiles() {
        let packed =
            Array("junk".utf8)
            + FuzzEntryPoints.pack([
                ("finance.csv", Array("year,type,line,amount\n".utf8)),
                ("../../etc/training 2022-23.csv", Array("date,title\n".utf8)),
                ("\u{7}", Array("nameless".utf8)),
                ("sub/reviews.csv", Array("reference\n".utf8)),
                ("FINANCE.csv", Array("later".utf8)),
            ])
        let files = FuzzEntryPoints.unpack(packed)
        #expect(files.map(\.name) == ["subreviews.csv", "FINANCE.csv"])
        #expect(files.map { String(decoding: $0.bytes, as: UTF8.self) } == ["reference\n", "later"])
    }

    /// The pipeline target on the sample's first rows packed as one input: the report builds
    /// and every writer runs (a broken invariant stops the test run, as it stops the fuzzer).
    @Test func thePipelineTargetRunsOnAPackedSample() throws {
        let urls = SampleInputs.csvFiles + [SampleInputs.configuration]
        let files = try urls.map { url in
            let lines = try String(contentsOf: url, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            return (name: url.lastPathComponent, bytes: Array(lines.prefix(9).joined(separator: "\n").utf8) + [0x0A])
        }
        #expect(files.count == 10)
        FuzzEntryPoints.pipeline(FuzzEntryPoints.pack(files))
    }
}
