import Foundation
import Testing

@testable import AnnualReportKit

/// Rapid review timeliness: the Panel notified within 5 working days of the local authority
/// becoming aware, the rapid review completed within 15 working days of notification.
@Suite struct ReviewTimelinessTests {
    func build(_ reviews: String, config: String? = nil) throws -> (IngestResult, Report) {
        let dir = Workdir()
        dir.write("reviews.csv", reviews)
        if let config { dir.write("annual-report.yaml", config) }
        let input = InputFolder.read(dir.url)
        return (input, try ReportBuilder.build(input, year: FinancialYear(startYear: 2022)))
    }

    func section(_ report: Report) throws -> ReportSection {
        try #require(report.sections.first { $0.title == "Child safeguarding practice reviews" })
    }

    func table(_ report: Report) throws -> ReportTable {
        try #require(report.tables.first { $0.id == "rapid-review-timeliness" })
    }

    /// RR-A: the Jubilee's 2 and 3 June 2022 are not working days (3 to notify, exactly 15 to
    /// complete). RR-B: 15 working days from Tue 13 Dec 2022 end on Fri 6 Jan 2023, past
    /// Christmas (Sun 25 Dec, so Mon 26 and the substitute Tue 27 are bank holidays) and New
    /// Year's substitute Mon 2 Jan; notified exactly 5 working days after Tue 6 Dec. RR-C: one
    /// day more each way, late. RR-D has no dates and the aggregate row counts 2, all not recorded.
    static let reviews = """
        reference,type,date,count,aware,completed
        RR-A,rapid review,2022-06-08,,2022-06-01,2022-06-29
        RR-B,rapid review,2022-12-13,,2022-12-06,2023-01-06
        RR-C,rapid review,2022-12-12,,2022-12-02,2023-01-06
        RR-D,rapid review,2022-09-01,,,
        RR-2022-other,rapid review,2022-10-01,2,,
        LCSPR-1,LCSPR,2022-05-03,,,
        RR-E,rapid review,2021-12-31,,2021-12-23,2022-01-24

        """

    @Test func eachFigureForTheYearAndTheYearBefore() throws {
        let (input, report) = try build(Self.reviews)
        #expect(input.errors.isEmpty, "\(input.errors)")
        let timeliness = try table(report)
        #expect(timeliness.title == "Rapid review timeliness, 2021-22 and 2022-23")
        #expect(
            timeliness.displayRows == [
                [
                    "The Panel notified within 5 working days of the local authority becoming aware", "", "", "", "",
                    "", "", "",
                ],
                // RR-E: aware Thu 23 Dec 2021, notified Fri 31 Dec: 24, 29, 30, 31 (27 and 28 Dec are bank holidays).
                ["2021-22", "1", "1", "0", "1", "0", "100.0%", "4.0"],
                ["2022-23", "6", "2", "1", "3", "3", "66.7%", "5.0"],
                ["Completed within 15 working days of notification", "", "", "", "", "", "", ""],
                ["2021-22", "1", "1", "0", "1", "0", "100.0%", "15.0"],
                ["2022-23", "6", "2", "1", "3", "3", "66.7%", "15.0"],
            ])
        #expect(timeliness.rows[1].role == .body && timeliness.rows[0].role == .group)
        #expect(
            try section(report).paragraphs.suffix(2) == [
                "Rapid reviews in 2022-23: 2 of 3 with the Panel notified within 5 working days, 2 of 3 completed within 15 working days (2021-22: 1 of 1, 1 of 1).",
                "Not recorded in 2022-23: the notification of 3 rapid reviews and the completion of 3 rapid reviews.",
            ])
        // The table follows the existing reviews tables.
        #expect(
            try section(report).tables.map(\.id) == [
                "reviews-trend", "lcspr-under-way", "children-sex", "children-ethnicity",
                "children-age-group", "rapid-review-timeliness",
            ])
    }

    @Test func workingDaysPerReviewAndTheLimitInclusive() throws {
        let (input, _) = try build(Self.reviews)
        let reviews = try #require(input.records.reviews)
        let calendar = WorkingDayCalendar()
        func days(_ reference: String, _ stage: ReviewTimeliness.Stage) throws -> Int? {
            ReviewTimeliness.workingDays(
                try #require(reviews.first { $0.reference == reference }), stage, calendar: calendar)
        }
        #expect(try days("RR-A", .notification) == 3)
        #expect(try days("RR-A", .completion) == 15)
        #expect(try days("RR-B", .notification) == 5)
        #expect(try days("RR-B", .completion) == 15)
        #expect(try days("RR-C", .notification) == 6)
        #expect(try days("RR-C", .completion) == 16)
        #expect(try days("RR-D", .notification) == nil)
        #expect(try days("RR-2022-other", .completion) == nil)
        // Within N working days: on time when the count is N or fewer.
        let tally = ReviewTimeliness.tally(
            reviews, year: FinancialYear(startYear: 2022), stage: .completion, rules: .init())
        #expect(tally.onTime == 2 && tally.late == 1 && tally.days == [15, 15, 16] && tally.notRecorded == 3)
    }

    @Test func headlinesWhenAYearOrAStageHasNoFigure() {
        typealias Tally = ReviewTimeliness.Tally
        let year = FinancialYear(startYear: 2022)
        // No rapid review in the year: the year before in full words.
        #expect(
            ReviewTimeliness.headline(
                current: [Tally(), Tally()], previous: [Tally(reviews: 3, onTime: 1, late: 1), Tally(reviews: 3)],
                year: year, limits: ReviewLimits()) == [
                    "No rapid review was notified in 2022-23 (2021-22: 1 of 2 with the Panel notified within 5 working days, completion not recorded)."
                ])
        // A stage with no dates in the year; none in the year before.
        #expect(
            ReviewTimeliness.headline(
                current: [Tally(reviews: 2), Tally(reviews: 2, onTime: 0, late: 1)], previous: [Tally(), Tally()],
                year: year, limits: ReviewLimits(notifyDays: 1, rapidReviewDays: 15)) == [
                    "Rapid reviews in 2022-23: the Panel's notification not recorded, 0 of 1 completed within 15 working days (2021-22: no rapid review).",
                    "Not recorded in 2022-23: the completion of 1 rapid review.",
                ])
        #expect(
            ReviewTimeliness.headline(
                current: [Tally(reviews: 1, onTime: 1), Tally(reviews: 1, late: 1)],
                previous: [Tally(reviews: 4), Tally(reviews: 4)],
                year: year, limits: ReviewLimits(notifyDays: 1, rapidReviewDays: 15)) == [
                    "Rapid reviews in 2022-23: 1 of 1 with the Panel notified within 1 working day, 0 of 1 completed within 15 working days (2021-22: not recorded)."
                ])
    }

    @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(ReviewTimeliness.Tally(days: [3, 4]).median?.description == "3.5")
        #expect(ReviewTimeliness.Tally(days: [2, 4, 9, 30]).median?.description == "6.5")
        #expect(ReviewTimeliness.Tally(days: [7]).median?.description == "7.0")
        #expect(ReviewTimeliness.Tally().median == nil)
    }

    /// Aware Wed 1 June 2022, notified Wed 8 June: 3 working days (the Jubilee's 2 and 3 June
    /// are out); 2 with 7 June configured as a bank holiday. Limits of 2 and 10 days.
    @Test func configuredLimitsAndBankHolidays() throws {
        let reviews = """
            reference,type,date,aware,completed
            RR-1,rapid review,2022-06-08,2022-06-01,2022-06-22

            """
        let limits = "review_limits: {notify_days: 2, rapid_review_days: 10}\n"
        let (_, plain) = try build(reviews, config: limits)
        #expect(
            try table(plain).displayRows == [
                [
                    "The Panel notified within 2 working days of the local authority becoming aware", "", "", "", "",
                    "", "", "",
                ],
                ["2021-22", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A"],
                ["2022-23", "1", "0", "1", "1", "0", "0.0%", "3.0"],
                ["Completed within 10 working days of notification", "", "", "", "", "", "", ""],
                ["2021-22", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A"],
                ["2022-23", "1", "1", "0", "1", "0", "100.0%", "10.0"],
            ])
        #expect(
            try section(plain).paragraphs.last
                == "Rapid reviews in 2022-23: 0 of 1 with the Panel notified within 2 working days, 1 of 1 completed within 10 working days (2021-22: not recorded)."
        )
        #expect(try table(plain).notes.last == "N/A: no review records for 2021-22.")
        let (_, holiday) = try build(reviews, config: limits + "bank_holidays: [2022-06-07]\n")
        #expect(try table(holiday).display("2022-23") == ["2022-23", "1", "1", "0", "1", "0", "100.0%", "2.0"])
        #expect(try table(holiday).notes.first?.contains("and the 1 day the configuration adds") == true)
        // Without review_limits the Panel's own limits apply.
        let (_, standard) = try build(reviews)
        #expect(
            try table(standard).rows[0].cells[0].value
                == .text("The Panel notified within 5 working days of the local authority becoming aware"))
        #expect(try table(standard).display("2022-23") == ["2022-23", "1", "1", "0", "1", "0", "100.0%", "3.0"])
    }

    @Test func datesOutOfOrderAndOnTheWrongRowAreErrorsAtTheirCell() throws {
        let (input, report) = try build(
            """
            reference,type,date,count,aware,completed
            RR-1,rapid review,2022-06-08,,2022-06-10,
            RR-2,rapid review,2022-06-08,,,2022-06-01
            LCSPR-1,LCSPR,2022-06-08,,2022-06-01,
            RR-2021,rapid review,2021-10-04,8,,2021-11-01
            NR-1,national,2022-07-01,,,2022-08-01
            RR-3,rapid review,2022-06-08,,soon,
            RR-4,rapid review,2022-06-08,,2022-06-08,2022-06-08

            """)
        #expect(
            input.errors.map(\.description) == [
                "reviews.csv:2:31: error: aware 2022-06-10 after the Panel was notified 2022-06-08; expected the day the local authority became aware, on or before the notification date",
                "reviews.csv:3:32: error: completed 2022-06-01 before the Panel was notified 2022-06-08; expected a date on or after the notification date",
                "reviews.csv:4:27: error: aware date on an LCSPR row; the aware and completed columns are for rapid reviews only, so expected it blank",
                "reviews.csv:5:36: error: completed date on an aggregate row (count 8); expected aware and completed dates only on rows of one rapid review (count 1)",
                "reviews.csv:6:28: error: completed date on a national row; the aware and completed columns are for rapid reviews only, so expected it blank",
                "reviews.csv:7:31: error: bad date 'soon'; expected a real date such as \(CalendarDate.acceptedForms)",
            ])
        #expect(
            input.ledger.first { $0.file == "reviews.csv" }
                == FileLedger(file: "reviews.csv", dataset: "reviews", read: 7, used: 1, rejected: 6))
        // The same day is 0 working days: on time.
        #expect(try table(report).display("2022-23") == ["2022-23", "1", "1", "0", "1", "0", "100.0%", "0.0"])
    }

    @Test func withoutTheDatesTheTableIsLeftOutWithANote() throws {
        let note =
            "Rapid review timeliness not recorded: no rapid review of 2021-22 or 2022-23 has an aware or completed date."
        // Without the columns.
        let (_, noColumns) = try build(
            "reference,type,date\nRR-1,rapid review,2022-06-08\nRR-0,rapid review,2021-06-08\n")
        #expect(!noColumns.tables.contains { $0.id == "rapid-review-timeliness" })
        #expect(try section(noColumns).notes == [note])
        #expect(try section(noColumns).paragraphs.allSatisfy { !$0.contains("working days") })
        // With the columns, blank; and dates only on a review of two years before.
        let (_, blank) = try build(
            """
            reference,type,date,aware,completed
            RR-1,rapid review,2022-06-08,,
            RR-0,rapid review,2020-06-08,2020-06-01,2020-06-20

            """)
        #expect(!blank.tables.contains { $0.id == "rapid-review-timeliness" })
        #expect(try section(blank).notes == [note])
        // The dataset absent: the section's own note, nothing about timeliness.
        let dir = Workdir()
        dir.write("finance.csv", "year,type,line,amount\n2022-23,contribution,Council,100\n")
        let absent = try ReportBuilder.build(InputFolder.read(dir.url), year: FinancialYear(startYear: 2022))
        #expect(
            try section(absent).notes == [
                "No review records were supplied (no reviews*.csv), so this section has no tables."
            ])
        #expect(!absent.tables.contains { $0.id == "rapid-review-timeliness" })
    }

    @Test func headerAliases() throws {
        let (input, report) = try build(
            """
            Reference,Type,Notification date,LA aware,Sent to Panel
            RR-1,rapid review,2022-06-08,2022-06-01,2022-06-29

            """)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(try table(report).display("2022-23") == ["2022-23", "1", "1", "0", "1", "0", "100.0%", "3.0"])
        let schema = DatasetSchema.reviews
        for (header, column) in [
            ("date aware", "aware"), ("Date completed", "completed"), ("completion date", "completed"),
        ] {
            #expect(schema.headerLookup[DatasetSchema.normalize(header)].map { schema.columns[$0].name } == column)
        }
    }

    /// The sample: 2021-22's eight case-level rows and 2022-23's three, one completed late
    /// across Christmas 2022; the workbook's totals are live formulas.
    @Test func sampleFiguresAndWorkbookFormulas() throws {
        let report = SampleReportTests.report
        #expect(
            try table(report).displayRows.filter { $0[0].hasPrefix("20") } == [
                ["2021-22", "8", "6", "1", "7", "1", "85.7%", "4.0"],
                ["2022-23", "3", "2", "1", "3", "0", "66.7%", "4.0"],
                ["2021-22", "8", "6", "2", "8", "0", "75.0%", "15.0"],
                ["2022-23", "3", "2", "1", "3", "0", "66.7%", "15.0"],
            ])
        let sheet = try SampleWorkbookTests().sheet("rapid-review-timeliness")
        #expect(sheet["B4"]?.formula == "SUM(E4,F4)")
        #expect(sheet["E4"]?.formula == "SUM(C4,D4)")
        #expect(sheet["G8"]?.formula == "IF(N(E8)=0,\"N/A\",C8/E8)")
        let evaluator = XLSXFormulaEvaluator(sheet: sheet)
        for address in ["B4", "E4", "G4", "B5", "E5", "G5", "B7", "E7", "G7", "B8", "E8", "G8"] {
            let formula = try #require(sheet[address]?.formula, "\(address)")
            #expect(evaluator.evaluate(formula) == evaluator.stored(address), "\(address)")
        }
    }
}
