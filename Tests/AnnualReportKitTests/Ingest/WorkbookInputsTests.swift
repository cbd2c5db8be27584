import Foundation
import Testing

@testable import AnnualReportKit

/// Workbooks as inputs (`.xlsx`, `.ods`): the sample's records kept in workbooks give the
/// sample's report, and every cell shape an office's workbook has is read or located.
@Suite struct WorkbookInputsTests {
    /// The sample's CSV files as workbooks: the three training logs as sheets of one
    /// workbook (named for their years), every other file a workbook of its own.
    static func sampleAsWorkbooks(in dir: Workdir, ods: Bool) {
        let ext = ods ? "ods" : "xlsx"
        let build = { (sheets: [TestSheet]) in ods ? TestWorkbooks.ods(sheets) : TestWorkbooks.xlsx(sheets) }
        let names = (try! FileManager.default.contentsOfDirectory(atPath: SampleInputs.folder.path)).sorted()
        var training: [TestSheet] = []
        for name in names {
            let text = String(
                decoding: FileManager.default.contents(atPath: SampleInputs.file(name).path)!,
                as: UTF8.self)
            guard name.hasSuffix(".csv") else {
                dir.write("in/\(name)", text)
                continue
            }
            let stem = String(name.dropLast(4))
            if stem.hasPrefix("training-") {
                training.append(
                    TestSheet(name: String(stem.dropFirst("training-".count)), rows: TestWorkbooks.typedRows(text)))
            } else {
                dir.write(
                    "in/\(stem).\(ext)", bytes: build([TestSheet(name: "Sheet1", rows: TestWorkbooks.typedRows(text))]))
            }
        }
        dir.write("in/training.\(ext)", bytes: build(training))
    }

    /// Every table of every section, as the Markdown shows it (the data-quality table, which
    /// names the files, is not among them).
    static func sectionTables(_ report: Report) -> [String] {
        report.sections.flatMap { section in
            [section.title] + section.paragraphs + section.tables.map { MarkdownWriter.render($0) }
        }
    }

    @Test(arguments: [false, true])
    func theSampleKeptInWorkbooksGivesTheSampleReport(ods: Bool) throws {
        let dir = Workdir()
        Self.sampleAsWorkbooks(in: dir, ods: ods)
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(ingest.errors.map(\.description) == [])
        let report = try ReportBuilder.build(ingest)
        let expected = Self.sectionTables(try SampleInputs.report())
        let got = Self.sectionTables(report)
        #expect(got.count == expected.count)
        #expect(expected.count == 60)
        for (a, b) in zip(got, expected) where a != b { #expect(a == b) }
        // Every row of every sheet accounted for, as the CSV files' are.
        #expect(ingest.ledger.map(\.read).reduce(0, +) == SampleInputs.ingest.ledger.map(\.read).reduce(0, +))
        #expect(ingest.ledger.map(\.file).contains("training.\(ods ? "ods" : "xlsx"):2022-23"))
    }

    /// A training log as an office keeps it: a merged title above the header, a header in rich
    /// text and an inline string, a formula's saved value, a date merged over a day's two
    /// sessions, a hidden lookup sheet and an empty sheet.
    static func officeLog(date1904: Bool = false) -> [UInt8] {
        TestWorkbooks.xlsx(
            [
                TestSheet(
                    name: "Log",
                    rows: [
                        [.text("LSCP Multi-agency Training Log 2022-23"), .empty, .empty, .empty],
                        [],
                        [.rich(["Da", "te"]), .inline("Title"), .text("Attendees"), .text("Format")],
                        [
                            .date(year: 2022, month: 4, day: 14), .text("Core Safeguarding"),
                            .formula("12+1", cached: "13"), .text("virtual"),
                        ],
                        [
                            .date(year: 2022, month: 4, day: 19), .rich(["Child ", "Exploitation"]), .number("27"),
                            .text("virtual"),
                        ],
                        [.empty, .text("Neglect Toolkit"), .number("8"), .text("face-to-face")],
                    ], merges: ["A1:D1", "A5:A6"]),
                TestSheet(name: "Lookups", rows: [[.text("format")], [.text("virtual")]], hidden: true),
                TestSheet(name: "Sheet3", rows: []),
            ], date1904: date1904)
    }

    @Test(arguments: [false, true])
    func cellsAreReadByTypeInEitherDateSystem(date1904: Bool) throws {
        let dir = Workdir()
        dir.write("in/training-2022-23.xlsx", bytes: Self.officeLog(date1904: date1904))
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(ingest.errors.map(\.description) == [])
        let events = try #require(ingest.records.training)
        #expect(events.map(\.date.description) == ["2022-04-14", "2022-04-19", "2022-04-19"])
        #expect(events.map(\.title) == ["Core Safeguarding", "Child Exploitation", "Neglect Toolkit"])
        #expect(events.map(\.attendees) == [13, 27, 8])
        let notes = ingest.notes.map(\.description)
        #expect(
            notes.contains(
                "training-2022-23.xlsx: note: sheets not read: hidden (unhide it to have it read): 'Lookups'; empty: 'Sheet3'"
            ))
        #expect(
            notes.contains(
                "training-2022-23.xlsx:Log, row 3: note: the header is on row 3; the row above it (row 1) is a title, not a record, and is not read"
            ))
        #expect(ingest.ledger.map(\.file) == ["training-2022-23.xlsx:Log"])
        #expect(ingest.ledger.first?.read == 3)
    }

    @Test func theSameLogAsODSGivesTheSameEvents() throws {
        let dir = Workdir()
        dir.write(
            "in/training-2022-23.ods",
            bytes: TestWorkbooks.ods([
                TestSheet(
                    name: "Log",
                    rows: [
                        [.text("Date"), .text("Title"), .text("Attendees")],
                        [
                            .date(year: 2022, month: 4, day: 14), .rich(["Core ", "Safeguarding"]),
                            .formula("12+1", cached: "13"),
                        ],
                        [.date(year: 2022, month: 4, day: 19), .text("Child Exploitation"), .number("27")],
                    ]),
                TestSheet(name: "Old", rows: [[.text("Date"), .text("Title"), .text("Attendees")]], hidden: true),
            ]))
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(ingest.errors.map(\.description) == [])
        let events = try #require(ingest.records.training)
        #expect(events.map(\.title) == ["Core Safeguarding", "Child Exploitation"])
        #expect(events.map(\.attendees) == [13, 27])
        #expect(
            ingest.notes.map(\.description).contains(
                "training-2022-23.ods: note: sheets not read: hidden (unhide it to have it read): 'Old'"))
    }

    /// Money to the penny from numbers as stored; a formula never calculated and an error
    /// value are errors at their cells, and a bad value is located at its cell.
    @Test(arguments: [false, true])
    func problemsAreLocatedAtTheirCell(ods: Bool) throws {
        let dir = Workdir()
        let ext = ods ? "ods" : "xlsx"
        var rows: [[TestCell]] = [
            [.text("year"), .text("type"), .text("line"), .text("amount")],
            [.text("2022-23"), .text("contribution"), .text("Leicestershire Police"), .money("119266.1")],
            [.text("2022-23"), .text("contribution"), .text("Health"), .formula("B1*2", cached: nil)],
            [.text("2022-23"), .text("contribution"), .text("Rutland County Council"), .error("#DIV/0!")],
            [.text("2022-23"), .text("expenditure"), .text("Staffing"), .text("twelve pounds")],
        ]
        // openpyxl writes a formula it did not calculate with an empty value, `<f>…</f><v/>`.
        if !ods {
            rows.append([.text("2022-23"), .text("expenditure"), .text("Training"), .formula("D2/4", cached: "")])
        }
        let ledger = TestSheet(name: "Ledger", rows: rows)
        dir.write("in/finance.\(ext)", bytes: ods ? TestWorkbooks.ods([ledger]) : TestWorkbooks.xlsx([ledger]))
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        let errors = ingest.errors.map(\.description)
        #expect(errors.contains { $0.hasPrefix("finance.\(ext):Ledger!D3: error: the formula has no saved value") })
        if !ods {
            #expect(errors.contains { $0.hasPrefix("finance.xlsx:Ledger!D6: error: the formula has no saved value") })
        }
        #expect(
            errors.contains {
                $0.hasPrefix(
                    "finance.\(ext):Ledger!D4: error: the cell holds \(ods ? "the" : "Excel's") error #DIV/0! from its formula"
                )
            })
        #expect(errors.contains { $0.hasPrefix("finance.\(ext):Ledger!D5: error: ") && $0.contains("twelve pounds") })
        #expect(errors.allSatisfy { $0.hasPrefix("finance.\(ext):Ledger!") })
        let lines = try #require(ingest.records.finance)
        #expect(lines.map(\.amount.pence) == [11_926_610])
        #expect(ingest.rejected.map(\.line).contains(5))
    }

    @Test func numbersAreTheDecimalsExcelShows() {
        #expect(WorkbookCells.decimalText("119266.1") == "119266.1")
        #expect(WorkbookCells.decimalText("119266.09999999999") == "119266.1")
        #expect(WorkbookCells.decimalText("0.30000000000000004") == "0.3")
        #expect(WorkbookCells.decimalText("1.5E3") == "1500")
        #expect(WorkbookCells.decimalText("1E-2") == "0.01")
        #expect(WorkbookCells.decimalText("-42") == "-42")
        #expect(WorkbookCells.decimalText("99999.999999999999") == "100000")
        #expect(WorkbookCells.decimalText("12abc") == nil)
        #expect(WorkbookCells.date(serial: "44665", system: .from1900)?.description == "2022-04-14")
        #expect(WorkbookCells.date(serial: "43203", system: .from1904)?.description == "2022-04-14")
        #expect(WorkbookCells.date(serial: "60", system: .from1900) == nil)
        #expect(WorkbookCells.date(serial: "59", system: .from1900)?.description == "1900-02-28")
        // A serial written with an exponent is its whole days; one of more than 7 digits is no date.
        #expect(WorkbookCells.date(serial: "4.4665E4", system: .from1900)?.description == "2022-04-14")
        #expect(WorkbookCells.date(serial: "1E12", system: .from1900) == nil)
        #expect(WorkbookCells.date(serial: "-44665", system: .from1900) == nil)
        #expect(WorkbookCells.time(serial: "44665.4375") == "10:30")
        #expect(WorkbookCells.kind(formatCode: "dd/mm/yyyy") == .date)
        #expect(WorkbookCells.kind(formatCode: "[$-F800]dddd, mmmm dd, yyyy") == .date)
        #expect(WorkbookCells.kind(formatCode: "h:mm") == .time)
        #expect(WorkbookCells.kind(formatCode: "\"£\"#,##0.00") == .number)
        #expect(WorkbookCells.kind(formatCode: "#,##0 \"days\"") == .number)
    }

    @Test func aDamagedOrEncryptedWorkbookIsOneError() {
        let dir = Workdir()
        let whole = Self.officeLog()
        dir.write("in/training-2022-23.xlsx", bytes: Array(whole.prefix(whole.count / 2)))
        dir.write(
            "in/finance.xlsx",
            bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        dir.write("in/videos.ods", bytes: Array("PK\u{3}\u{4} not really".utf8))
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            ingest.errors.map(\.description) == [
                "finance.xlsx: error: \(WorkbookFailure.encrypted.message)",
                "training-2022-23.xlsx: error: \(WorkbookFailure.damaged.message)",
                "videos.ods: error: \(WorkbookFailure.damaged.message)",
            ])
    }

    /// Sheets are found by their own names in a workbook named for nothing, a `Notes` sheet
    /// beside them is named, and a workbook beside the CSV file saved from it is an error.
    @Test func sheetsAreFoundByNameAndTwinsAreRefused() throws {
        let dir = Workdir()
        dir.write(
            "in/LSCP records.xlsx",
            bytes: TestWorkbooks.xlsx([
                TestSheet(
                    name: "Training 2022-23",
                    rows: [
                        [.text("date"), .text("title"), .text("attendees")],
                        [.date(year: 2022, month: 4, day: 14), .text("Core Safeguarding"), .number("13")],
                    ]),
                TestSheet(name: "Notes", rows: [[.text("Figures checked by the business office")]]),
            ]))
        dir.write(
            "in/finance.xlsx",
            bytes: TestWorkbooks.xlsx([
                TestSheet(
                    name: "Sheet1",
                    rows: [
                        [.text("year"), .text("type"), .text("line"), .text("amount")],
                        [.text("2022-23"), .text("contribution"), .text("Health"), .money("100")],
                    ])
            ]))
        dir.write("in/finance.csv", "year,type,line,amount\n2022-23,contribution,Health,100\n")
        dir.write("in/old log.xls", "not read")
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(try #require(ingest.records.training).map(\.title) == ["Core Safeguarding"])
        let all = ingest.diagnostics.map(\.description)
        #expect(
            all.contains(
                "LSCP records.xlsx: note: sheets not read: no header of the report's records in the first rows: 'Notes'"
            ))
        #expect(
            all.contains(
                "finance.xlsx: error: the workbook and finance.csv are both in the folder, so their records would be counted twice; keep one of them in the folder"
            ))
        #expect(
            all.contains(
                "old log.xls: note: not read: .xls is the old Excel format: open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
            ))
    }

    /// The attendance register, read by its own parallel reader, is named and located by its sheet too.
    @Test func anAttendanceRegisterInAWorkbookIsLocatedAtItsCells() throws {
        let dir = Workdir()
        dir.write(
            "in/attendance.xlsx",
            bytes: TestWorkbooks.xlsx([
                TestSheet(
                    name: "Register",
                    rows: [
                        [.text("session_id"), .text("date"), .text("title"), .text("delegate_id"), .text("attended")],
                        [
                            .text("S1"), .date(year: 2022, month: 5, day: 10), .text("Neglect"), .text("D1"),
                            .text("yes"),
                        ],
                        [
                            .text("S1"), .date(year: 2022, month: 5, day: 10), .text("Neglect"), .text("D2"),
                            .text("maybe"),
                        ],
                    ])
            ]))
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(ingest.ledger.map(\.file) == ["attendance.xlsx:Register"])
        let errors = ingest.errors.map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("attendance.xlsx:Register!E3: error: ") == true, "\(errors)")
    }

    /// FuzzWorkbook's first finding: a zip entry whose data lies past the end of the file
    /// trapped inside ZIPFoundation's in-memory archive; read from the file it is one error.
    @Test func aZipEntryPastTheEndOfTheFileIsOneError() throws {
        let crash = repositoryRoot.appendingPathComponent(
            "Fuzz/crashes/FuzzWorkbook/crash-161a22fa5c5189b71da254c36b43570b69afefb2")
        let bytes = try #require(FileManager.default.contents(atPath: crash.path))
        let dir = Workdir()
        dir.write("in/training.xlsx", bytes: Array(bytes.dropFirst()))
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            ingest.errors.map(\.description) == [
                "training.xlsx: error: cannot read the workbook: it has no workbook part (xl/workbook.xml); expected an Excel workbook (.xlsx) as Excel or LibreOffice Calc saves it"
            ])
    }

    /// A header over two rows, as offices lay out a log: `Date` merged down over both header
    /// rows, `Session` merged across the two columns whose own headers are below it. The
    /// second row is the header (the merged date heading reaching it), the first a title row.
    @Test(arguments: [false, true])
    func mergedHeaderCellsAreReadAsTheHeader(ods: Bool) throws {
        let dir = Workdir()
        let ext = ods ? "ods" : "xlsx"
        let log = TestSheet(
            name: "Log",
            rows: [
                [.text("Date"), .text("Session"), .empty],
                [.empty, .text("Title"), .text("Attendees")],
                [.date(year: 2022, month: 5, day: 3), .text("Neglect"), .number("14")],
                [.date(year: 2022, month: 6, day: 7), .text("Core Safeguarding"), .number("21")],
            ], merges: ["A1:A2", "B1:C1"])
        dir.write("in/training-2022-23.\(ext)", bytes: ods ? TestWorkbooks.ods([log]) : TestWorkbooks.xlsx([log]))
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(ingest.errors.map(\.description) == [])
        let events = try #require(ingest.records.training)
        #expect(events.map(\.date.description) == ["2022-05-03", "2022-06-07"])
        #expect(events.map(\.title) == ["Neglect", "Core Safeguarding"])
        #expect(events.map(\.attendees) == [14, 21])
        #expect(
            ingest.notes.map(\.description).contains(
                "training-2022-23.\(ext):Log, row 2: note: the header is on row 2; the row above it (row 1) is a title, not a record, and is not read"
            ))
        #expect(ingest.ledger.map(\.read) == [2])
    }

    /// A Numbers file is named with how to export it, as the old Excel formats are.
    @Test func aNumbersFileIsNamedWithHowToExportIt() throws {
        let dir = Workdir()
        dir.write("in/training-2022-23.csv", "date,title,attendees\n2022-05-10,Neglect,12\n")
        dir.write("in/finance.numbers", "x")
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            ingest.errors.map(\.description) == [
                "finance.numbers: error: not read, so the finance records in it would be missing from the report: a Numbers file: export it from Numbers as Excel (File > Export To > Excel…) or CSV"
            ])
    }
}
