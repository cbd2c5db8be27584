import Foundation
import Testing

@testable import AnnualReportKit

/// A second partnership unlike the sample: its own partners and priorities, no configuration
/// file, contributions but no expenditure, no videos, one year of reviews, headers and values
/// as an office writes them, and a `Total` row in every file.
@Suite struct SecondPartnershipTests {
    static func inputs() -> Workdir {
        let dir = Workdir("borsetshire")
        dir.write(
            "training.csv",
            """
            Date of Event,Course Title,Type,Priority,Number Attended,Evaluations
            02/05/2023,Online Safety,course,Digital Harm,30,12
            10 June 2023,Exploitation Summit,conference,Digital Harm; Exploitation,200,80
            15-Jan-24,Online  Safety,course,,25,10
            01/11/2022,Online Safety,course,Exploitation,18,9

            Total,,,,273,111
            """)
        dir.write(
            "finance.csv",
            """
            Financial Year,Type,Partner,Amount
            2022/23,contribution,Borsetshire Council,"£50,000"
            2022/23,contribution,Borsetshire Health Board," £ 8,000.00 "
            2022/23,Total,,"£58,000"
            2023/24,contribution,Borsetshire Council,"£52,500.50"
            2023/24,contribution,Borsetshire  Health Board,"£10,000"
            2023/24,contribution,Borsetshire Police, £ -   \u{20}
            2023/24,Total,,"£62,500.50"
            """)
        dir.write(
            "reviews.csv",
            """
            reference,type,date,published,sex,ethnicity,age_group,count
            RR-1,rapid review,2023-06-01,,Male,White British,baby,
            RR-2,rapid review,2023-09-12,,Female,Asian,teenager,
            LCSPR-1,LCSPR,2023-10-01,,Male,White British,baby,
            Total,,,,,,,3
            """)
        return dir
    }

    @Test func reportFigureByFigure() throws {
        let dir = Self.inputs()
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.ledger.map { [$0.file, "\($0.read)", "\($0.used)", "\($0.rejected)", "\($0.controlTotals)"] } == [
                ["training.csv", "5", "4", "0", "1"],
                ["reviews.csv", "4", "3", "0", "1"],
                ["finance.csv", "7", "5", "0", "2"],
            ])
        #expect(
            input.notes.map(\.description).filter { $0.contains("control total") } == [
                "finance.csv:4:16: note: control total £58,000 (amount) in the 'Total' row agrees with the 2 rows above it for year 2022-23",
                "finance.csv:8:16: note: control total £62,500.50 (amount) in the 'Total' row agrees with the 3 rows above it for year 2023-24",
                "reviews.csv:5:13: note: control total 3 (count) in the 'Total' row agrees with the 3 rows above it",
                "training.csv:7:10: note: control total 273 (attendees) in the 'Total' row agrees with the 4 rows above it",
                "training.csv:7:14: note: control total 111 (evaluations) in the 'Total' row agrees with the 4 rows above it",
            ])
        let report = try ReportBuilder.build(input)
        #expect(report.year.label == "2023-24")
        func table(_ id: String) throws -> ReportTable {
            try #require(report.tables.first { $0.id == id }, "no table \(id)")
        }

        #expect(
            try table("priorities").displayRows == [
                ["Digital Harm", "2", "230", "N/A", "230"],
                ["Exploitation", "1", "200", "N/A", "200"],
                ["Total", "3", "430", "N/A", "430"],
            ])
        #expect(
            try table("priorities-previous").displayRows == [
                ["Exploitation", "1", "18", "N/A", "18"],
                ["Total", "1", "18", "N/A", "18"],
            ])
        let delivery = try table("training-delivery")
        #expect(delivery.display("Events delivered") == ["Events delivered", "1", "3", "2", "200.0%"])
        #expect(delivery.display("Attendances") == ["Attendances", "18", "255", "237", "1316.7%"])
        #expect(delivery.display("Evaluations completed") == ["Evaluations completed", "9", "102", "93", "1033.3%"])
        #expect(
            try table("conferences").displayRows == [
                ["Exploitation Summit", "1", "200", "80"], ["Total", "1", "200", "80"],
            ])
        // Runs of spaces collapse: "Online  Safety" is the same course.
        #expect(
            report.sections[1].paragraphs[0]
                == "Overall training was delivered to 255 attendees over 3 training events in 2023-24 (2022-23: 18 over 1)."
        )

        let contributions = try table("finance-contributions")
        #expect(
            contributions.displayRows == [
                ["Borsetshire Council", "£50,000", "£52,500.50", "£2,500.50", "5.0%", "84%"],
                ["Borsetshire Health Board", "£8,000", "£10,000", "£2,000", "25.0%", "16%"],
                ["Borsetshire Police", "N/A", "£0", "N/A", "N/A", "0%"],
                ["Total income", "£58,000", "£62,500.50", "£4,500.50", "7.8%", "100%"],
            ])
        #expect(report.tables.first { $0.id == "finance-expenditure" } == nil)
        #expect(
            try table("finance-balance").displayRows == [
                ["Total income", "£58,000", "£62,500.50", "£4,500.50", "7.8%"],
                ["Total expenditure", "N/A", "N/A", "N/A", "N/A"],
                ["Income less expenditure", "N/A", "N/A", "N/A", "N/A"],
            ])
        let finance = try #require(report.sections.first { $0.title == "Finance" })
        #expect(
            finance.paragraphs == [
                "Partner contributions totalled £62,500.50 in 2023-24 (2022-23: £58,000).",
                "Expenditure in 2022-23 and 2023-24: not recorded.",
            ])
        #expect(finance.charts.map(\.id) == ["contributions"])

        #expect(try table("reviews-trend").displayRows == [["2023-24", "2", "1", "0"], ["Total", "2", "1", "0"]])
        let reviews = try #require(report.sections.first { $0.title == "Child safeguarding practice reviews" })
        #expect(
            reviews.paragraphs[0] == "The partnership carried out 2 rapid reviews in 2023-24 (2022-23: not recorded).")
        #expect(
            try table("children-sex").displayRows == [
                ["Male", "2", "67%"], ["Female", "1", "33%"], ["Total", "3", "100%"],
            ])

        let videos = try #require(report.sections.first { $0.title == "Training videos" })
        #expect(videos.tables.isEmpty)
        #expect(videos.notes == ["No video records were supplied (no videos*.csv), so this section has no tables."])
        #expect(
            report.sections[0].paragraphs == [
                "Digital Harm: 2 sessions were delivered to 230 attendees, and video views: not recorded.",
                "Exploitation: 1 session was delivered to 200 attendees, and video views: not recorded.",
            ])
    }

    @Test func everyFormatIsWrittenAndNoZeroStandsForMissingData() throws {
        let dir = Self.inputs()
        let out = Workdir("borsetshire-out")
        let outcome = try ReportRun(inputs: dir.url, output: out.url).build()
        #expect(!outcome.failed)
        let md = try #require(out.read("2023-24/annual-report.md"))
        #expect(!md.contains("and 0 people watched"))
        #expect(!md.contains("£0)"))
        #expect(out.exists("2023-24/annual-report.xlsx"))
        #expect(
            out.read("2023-24/tables/finance-balance.csv") == """
                Measure,2022-23,2023-24,Change,% change
                Total income,58000.00,62500.50,4500.50,7.8
                Total expenditure,,,,
                Income less expenditure,,,,

                """)
        #expect(out.read("2023-24/tables/data-quality.csv")?.contains("training.csv,training,5,4,0,1") == true)
    }
}

/// No shape of inputs stops a report: every combination of present, absent and header-only
/// datasets, and finance ledgers with one type of row, are written in every format.
@Suite struct EveryShapeTests {
    enum Shape: CaseIterable { case absent, headerOnly, present }

    static let datasets: [(name: String, header: String, rows: String)] = [
        (
            "training.csv", "date,title,kind,priorities,status,attendees",
            """
            2023-05-02,Online Safety,course,Digital Harm,delivered,30
            2023-06-10,Summit,conference,Digital Harm,delivered,120
            2023-07-01,Online Safety,course,,cancelled,
            """
        ),
        (
            "videos.csv", "year,category,video,views,priorities",
            """
            2023-24,Online,Grooming explained,40,Digital Harm
            2023-24,Online,,40,
            """
        ),
        (
            "reviews.csv", "reference,type,date,published,count",
            """
            RR-1,rapid review,2023-06-01,,
            LCSPR-1,LCSPR,2023-10-01,,
            """
        ),
        (
            "finance.csv", "year,type,line,amount",
            """
            2023-24,contribution,Council,"£10,000"
            2023-24,expenditure,Staff,"£9,000"
            """
        ),
        (
            "attendance.csv", "session_id,date,title,priorities,delegate_id,agency,attended",
            """
            A1,2023-09-01,Neglect,Digital Harm,P1,Police,yes
            A1,2023-09-01,Neglect,Digital Harm,P2,Health,no
            """
        ),
    ]

    /// Builds every format from `dir` and checks `check` and `build` agree.
    static func buildsCompletely(_ dir: Workdir, year: FinancialYear? = nil, _ label: String) throws {
        let out = Workdir("shape-out")
        let run = ReportRun(inputs: dir.url, output: out.url, year: year)
        let checked = run.check()
        #expect(checked.errors.isEmpty, "\(label): \(checked.errors)")
        #expect(run.yearProblem(checked) == nil, "\(label)")
        let outcome = try run.build()
        let written = try #require(outcome.written, "\(label): nothing written")
        for file in ["annual-report.md", "annual-report.xlsx", "tables/data-quality.csv"] {
            #expect(
                FileManager.default.fileExists(atPath: written.appendingPathComponent(file).path),
                "\(label): no \(file)")
        }
        let md = try String(contentsOf: written.appendingPathComponent("annual-report.md"), encoding: .utf8)
        #expect(!md.contains("and 0 people watched"), "\(label)")
        #expect(!md.contains(": £0)"), "\(label)")
    }

    @Test func everyCombinationOfPresentAbsentAndHeaderOnly() throws {
        var combinations = 0
        let count = Int(pow(3.0, Double(Self.datasets.count)))
        for code in 0..<count {
            var shapes: [Shape] = []
            var c = code
            for _ in Self.datasets {
                shapes.append(Shape.allCases[c % 3])
                c /= 3
            }
            let dir = Workdir("shape\(code)")
            for (dataset, shape) in zip(Self.datasets, shapes) {
                switch shape {
                case .absent: break
                case .headerOnly: dir.write(dataset.name, dataset.header + "\n")
                case .present: dir.write(dataset.name, dataset.header + "\n" + dataset.rows + "\n")
                }
            }
            let label = zip(Self.datasets, shapes).map { "\($0.0.name)=\($0.1)" }.joined(separator: " ")
            if shapes.contains(.present) {
                try Self.buildsCompletely(dir, label)
            } else if !shapes.contains(.headerOnly) {
                // No dataset file at all: an error, not a report of empty sections.
                let run = ReportRun(inputs: dir.url, output: Workdir("none").url)
                #expect(
                    run.check().errors.map(\.message).first?.hasPrefix(
                        "no file in the folder is one of the report's records") == true)
            } else {
                // No records at all: check and build agree that a year must be given, and with one both write.
                let run = ReportRun(inputs: dir.url, output: Workdir("none").url)
                #expect(run.yearProblem(run.check()) == .noRecords, "\(label)")
                #expect(throws: ReportBuilder.Failure.noRecords) { try run.build() }
                try Self.buildsCompletely(dir, year: FinancialYear(startYear: 2023), label)
            }
            combinations += 1
        }
        #expect(combinations == 243)
    }

    @Test(arguments: [
        ("contributions only", "2023-24,contribution,Council,100"),
        ("expenditure only", "2023-24,expenditure,Staff,100"),
        ("budget only", "2024-25,budget,Council,100"),
        (
            "one year of contributions and a budget for next year",
            "2023-24,contribution,Council,100\n2024-25,budget,Council,120"
        ),
    ])
    func ledgersWithOneTypeOfRow(shape: String, rows: String) throws {
        let dir = Workdir("ledger")
        dir.write("finance.csv", "year,type,line,amount\n" + rows + "\n")
        try Self.buildsCompletely(dir, shape)
    }

    @Test func yearOptionsInTheFormsPeopleType() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv", "year,type,line,amount\n2022-23,contribution,Council,100\n2023-24,contribution,Council,110\n"
        )
        for form in ["22-23", "FY2022-23", "2022/23"] {
            let result = try run(["--inputs", ".", "--year", form, "--format", "csv"], in: dir)
            #expect(result.status == 0, "\(form): \(result.stderr)")
            #expect(dir.exists("Reports/2022-23/tables/finance-contributions.csv"), "\(form)")
        }
        let bad = try run(["check", "--inputs", ".", "--year", "FY2022-24"], in: dir)
        #expect(bad.status == 64)
    }

    @Test func aBudgetForNextYearDoesNotMakeTheReportYear() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv", "year,type,line,amount\n2023-24,contribution,Council,100\n2024-25,budget,Council,120\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        #expect(report.year.label == "2023-24")
        let finance = try #require(report.sections.first { $0.title == "Finance" })
        #expect(finance.paragraphs.first == "Partner contributions totalled £100 in 2023-24 (2022-23: not recorded).")
    }
}

/// Absent is never zero: a year or dataset without records reads "not recorded".
@Suite struct AbsentIsNotZeroTests {
    @Test func oneYearOfFinanceSaysNotRecordedForTheYearBefore() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv",
            "year,type,line,amount\n2022-23,contribution,Council,\"£364,633\"\n2022-23,expenditure,Staff,\"£300,000\"\n"
        )
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        let finance = try #require(report.sections.first { $0.title == "Finance" })
        #expect(finance.paragraphs == ["Partner contributions totalled £364,633 in 2022-23 (2021-22: not recorded)."])
        let income = try #require(report.tables.first { $0.id == "finance-contributions" })
        #expect(income.display("Total income") == ["Total income", "N/A", "£364,633", "N/A", "N/A", "100%"])
    }

    @Test func oneYearOfTrainingHasNoPreviousYearTable() throws {
        let dir = Workdir()
        dir.write("training.csv", "date,title,priorities,attendees\n2022-05-02,Online Safety,Digital Harm,30\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        #expect(report.tables.map(\.id).contains("priorities"))
        #expect(!report.tables.map(\.id).contains("priorities-previous"))
        let delivery = try #require(report.tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Attendances") == ["Attendances", "N/A", "30", "N/A", "N/A"])
        #expect(delivery.display("Evaluations completed") == ["Evaluations completed", "N/A", "N/A", "N/A", "N/A"])
        #expect(
            report.sections[1].paragraphs == [
                "Overall training was delivered to 30 attendees over 1 training events in 2022-23 (2021-22: not recorded).",
                "30 delegates attended regular multi-agency courses, and a further 0 attended 0 conference and larger events.",
                "Evaluations completed in 2022-23: not recorded.",
            ])
    }

    @Test func aRejectedYearOfTrainingIsNotRecordedUnderKeepGoing() throws {
        let dir = Workdir()
        dir.write("training-2021-22.csv", "date,title,attendees\n2021-05-02,Online Safety,30\n")
        dir.write("training-2022-23.csv", "date,title,attendees\n2022-05-02,Online Safety,lots\n")
        dir.write("finance.csv", "year,type,line,amount\n2022-23,contribution,Council,100\n")
        let out = Workdir("out")
        let outcome = try ReportRun(inputs: dir.url, output: out.url, keepGoing: true).build()
        #expect(outcome.failed)
        let report = try #require(outcome.report)
        #expect(report.year.label == "2022-23")
        #expect(
            report.sections[1].paragraphs == ["Training in 2022-23: not recorded (the training records cover 2021-22)."]
        )
        let delivery = try #require(report.tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Attendances") == ["Attendances", "30", "N/A", "N/A", "N/A"])
        #expect(out.read("2022-23/annual-report.md")?.contains("0 attendees") == false)
    }

    @Test func aYearInsideTheSpanWithoutRecordsIsARealZero() throws {
        let dir = Workdir()
        dir.write("reviews.csv", "reference,type,date\nRR-1,rapid review,2020-06-01\nRR-2,rapid review,2022-06-01\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url), year: FinancialYear(startYear: 2022))
        let trend = try #require(report.tables.first { $0.id == "reviews-trend" })
        #expect(
            trend.displayRows.map { Array($0.prefix(2)) } == [
                ["2020-21", "1"], ["2021-22", "0"], ["2022-23", "1"], ["Total", "2"],
            ])
        #expect(
            report.sections[3].paragraphs.first == "The partnership carried out 1 rapid review in 2022-23 (2021-22: 0)."
        )
    }

    @Test func videosOutsideTheReportYearAreNotRecorded() throws {
        let dir = Workdir()
        dir.write("videos.csv", "year,category,video,views\n2021-22,Online,Grooming,40\n")
        dir.write("training.csv", "date,title,attendees\n2022-05-02,Online Safety,30\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        let videos = try #require(report.sections.first { $0.title == "Training videos" })
        #expect(videos.tables.isEmpty)
        #expect(
            videos.paragraphs == ["Training video views in 2022-23: not recorded (the video records cover 2021-22)."])
    }
}

/// Summary rows are control totals: recognised, checked, counted apart, located when wrong.
@Suite struct ControlTotalTests {
    @Test func aTotalThatDisagreesIsAnErrorWithBothFiguresAndTheDifference() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv",
            """
            year,type,line,amount
            2022-23,contribution,Council,"£300,000"
            2022-23,contribution,Police,"£64,000"

            ,Grand Total,,"£364,633"
            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "finance.csv:5:15: error: control total £364,633 (amount) in the 'Grand Total' row does not agree with the 2 rows above it (lines 2–3), which add up to £364,000, a difference of £633; expected the rows to add up to the total"
            ])
        #expect(input.ledger.first.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [3, 2, 0, 1])
        #expect(input.records.finance?.count == 2)
    }

    /// A spreadsheet's empty row exports as `,,,`: skipped like a blank line, not a bad row.
    @Test func anEmptyRowBeforeTheTotalIsSkipped() {
        let dir = Workdir()
        dir.write(
            "finance.csv",
            "Financial Year,Type,Partner,Amount\r\n2023/24,Income,Council,\"£12,000\"\r\n,,,\r\n , ,,\r\nTotal,,,\"£12,000\"\r\n"
        )
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(input.ledger.first.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [2, 1, 0, 1])
    }

    @Test func subTotalsCheckTheRowsSinceThePreviousSummaryRowWithTheirKeys() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv",
            """
            year,type,line,amount
            2022-23,contribution,Council,100
            2022-23,contribution,Police,50
            2022-23,contribution,Sub-total,150
            2022-23,expenditure,Staff,40
            2022-23,expenditure,Rent,5
            2022-23,expenditure,Sub-total,45
            TOTAL:,,,195
            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.notes.map(\.description) == [
                "finance.csv:4:32: note: control total £150 (amount) in the 'Sub-total' row agrees with the 2 rows above it for year 2022-23, type contribution",
                "finance.csv:7:31: note: control total £45 (amount) in the 'Sub-total' row agrees with the 2 rows above it for year 2022-23, type expenditure",
                "finance.csv:8:10: note: control total £195 (amount) in the 'TOTAL:' row agrees with the 4 rows above it",
            ])
        #expect(input.ledger.first?.controlTotals == 3)
    }

    @Test func aCategoryRowOfAListedCategoryIsAControlTotalWhereverItStands() throws {
        let dir = Workdir()
        dir.write(
            "videos.csv",
            """
            year,category,video,views
            2022-23,ICON,,300
            2022-23,ICON,Morning,120
            2022-23,ICON,Evening,180
            2022-23,MARF,,91
            2022-23,FII,,85
            2022-23,FII,Dr Elias,80
            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "videos.csv:6:14: error: control total 85 for category 'FII' in 2022-23 does not agree with the 1 video listed for category 'FII' in 2022-23, which add up to 80, a difference of 5; expected a category's own row to equal the sum of its videos, or the category to list no videos"
            ])
        #expect(
            input.notes.map(\.description).contains(
                "videos.csv:2:15: note: control total 300 for category 'ICON' in 2022-23 agrees with the 2 videos listed for category 'ICON' in 2022-23; not counted again"
            ))
        #expect(input.ledger.first.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [6, 4, 0, 2])
        #expect(input.records.videos?.map(\.views).reduce(0, +) == Int64(120 + 180 + 91 + 80))
    }
}

/// The configuration's `columns:` and `partners:`, and the value forms offices write.
@Suite struct AliasAndValueTests {
    @Test func columnAliasesAndPartnerSpellingsFromTheConfiguration() throws {
        let dir = Workdir()
        dir.write(
            "annual-report.yaml",
            """
            columns:
              training:
                attendees: [Headcount]
            partners:
              Leicestershire County Council: [LCC, Leics CC]
            """)
        dir.write("training.csv", "Date,Course,Headcount\n1 April 2022,Neglect,12\n")
        dir.write(
            "finance.csv",
            "year,type,partner,amount\n2021-22,contribution,LCC,100\n2022-23,contribution,Leicestershire  County Council,110\n"
        )
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(input.records.training?.first?.attendees == 12)
        let report = try ReportBuilder.build(input)
        let income = try #require(report.tables.first { $0.id == "finance-contributions" })
        #expect(
            income.display("Leicestershire County Council") == [
                "Leicestershire County Council", "£100", "£110", "£10", "10.0%", "100%",
            ])
    }

    @Test func anUnknownHeaderThatAnAliasWouldFixSaysWhichLinesToAdd() {
        let dir = Workdir()
        dir.write("training.csv", "Date,Course,No. of people attended\n2022-04-01,Neglect,12\n")
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                """
                training.csv:1: error: missing required column 'attendees'; expected a header naming one of: attendees, attended, delegates, attendance, number attended, no attended, no. attended, attendees number, no. of delegates, number of delegates, delegates attended. If 'No. of people attended' is that column, add these lines to annual-report.yaml:
                    columns:
                      training:
                        attendees: [No. of people attended]
                """
            ])
    }

    @Test func datesAsOfficesWriteThem() {
        let forms = [
            "2022-04-01", "2022/04/01", "01/04/2022", "1/4/2022", "1 April 2022", "01 Apr 2022", "01-Apr-22",
            "1-apr-2022", "01-04-22",
            "Fri 1 April 2022", "01/04/2022 09:30",
        ]
        for form in forms { #expect(CalendarDate(parsing: form)?.description == "2022-04-01", "\(form)") }
        for bad in ["2022-4-1", "01-04-2", "Sat 1 April 2022", "31/02/2022", "1 Foo 2022", "April 1, 2022", "44652"] {
            #expect(CalendarDate(parsing: bad) == nil, "\(bad)")
        }
        #expect(CalendarDate(excelSerial: "44652")?.description == "2022-04-01")
        #expect(CalendarDate(excelSerial: "44830")?.description == "2022-09-26")
        #expect(CalendarDate(excelSerial: "61")?.description == "1900-03-01")
        #expect(CalendarDate(excelSerial: "60") == nil)
    }

    @Test func anExcelSerialDateIsReadWithANote() {
        let dir = Workdir()
        dir.write("training.csv", "date,title,attendees\n44830,Neglect,12\n44831,Core,10\n")
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty)
        #expect(input.records.training?.map(\.date.description) == ["2022-09-26", "2022-09-27"])
        #expect(
            input.notes.map(\.description) == [
                "training.csv:2:1: note: read 2 numbers such as '44830' in column 'date' as Excel serial dates (44830 is 2022-09-26); expected dates such as 2022-09-26, so check the column was exported as dates"
            ])
    }

    @Test func moneyAsOfficesWriteIt() {
        let cases: [(String, Int64)] = [
            ("£(1,000.00)", -100_000), ("(£1,000.00)", -100_000), ("(1,000)", -100_000),
            ("-£1,000", -100_000), (" £ -   ", 0), ("-", 0), (" £ 1,234.50 ", 123_450),
            ("£102,496", 10_249_600),
        ]
        for (text, pence) in cases { #expect(Money(parsing: text)?.pence == pence, "\(text)") }
        for bad in ["£1,2345", "£(1,000", "1.234", "--5", "(-5)"] { #expect(Money(parsing: bad) == nil, "\(bad)") }
    }

    @Test func yearsAsPeopleTypeThem() {
        for form in ["2022-23", "2022/23", "2022-2023", "22-23", "22/23", "FY2022-23", "fy22-23", "FY 2022/23"] {
            #expect(FinancialYear(loose: form)?.label == "2022-23", "\(form)")
        }
        for bad in ["22-24", "FY", "2022", "23-22"] { #expect(FinancialYear(loose: bad) == nil, "\(bad)") }
    }

    @Test func aRegisterSessionAndATrainingConferenceOnTheSameDayAndTitleAreOneEvent() {
        let dir = Workdir()
        dir.write("training.csv", "date,title,kind,attendees\n2022-06-10,Exploitation Summit,conference,2\n")
        dir.write(
            "attendance.csv",
            """
            session_id,date,title,delegate_id,attended
            S1,2022-06-10,Exploitation Summit,D1,yes
            S1,2022-06-10,Exploitation Summit,D2,yes
            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "training.csv:2: error: training event 'Exploitation Summit' on 2022-06-10 is also a session of attendance.csv:2; expected each session in training or in attendance, not both"
            ])
    }
}
